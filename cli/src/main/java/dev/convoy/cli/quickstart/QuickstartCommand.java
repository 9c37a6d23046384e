package dev.convoy.cli.quickstart;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.CommandFailedException;
import dev.convoy.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code convoy quickstart [--stop] [--home DIR] [--example DIR]}. */
@Command(name = "quickstart", description = {
    "Runs a server and three agents on this machine, publishes the example release and deploys it to them.",
    "Everything lives in DIR/quickstart; the processes keep running until 'convoy quickstart --stop'."})
public final class QuickstartCommand extends CliCommand {
  @Option(names = "--stop", description = "Stop the processes a previous quick start left running.")
  private boolean stop;

  @Option(names = "--home", paramLabel = "DIR", defaultValue = "${env:CONVOY_QUICKSTART_HOME:-.convoy}",
      description = "Where the quick start keeps its files (default: $CONVOY_QUICKSTART_HOME, else ./.convoy).")
  private String home;

  @Option(names = "--example", paramLabel = "DIR",
      description = "The directory to publish as hello-convoy 1.0.0 (default: examples/hello-convoy/1.0.0).")
  private String example;

  QuickstartCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() throws Exception {
    QuickstartLayout layout = new QuickstartLayout(context.resolve(home));
    if (stop) {
      new QuickstartStopper(context.out(), Duration.ofSeconds(10)).stop(new PidFile(layout.pids()));
      return ExitCodes.OK;
    }
    QuickstartConfig config = QuickstartConfig.defaults(layout, binDirectory(), ExampleLocator.locate(
        Optional.ofNullable(example).map(context::resolve), context.environment().workingDirectory(),
        context.environment().convoyHome()));
    try {
      return new Quickstart(context, config, context.environment().launcher(), Poller.system(context.clock())).run();
    } catch (Exception e) {
      if (Files.exists(layout.pids())) {
        context.err().println("The processes started so far keep running; logs are in " + layout.root()
            + "; stop them with: ./convoy quickstart --stop");
      }
      throw e;
    }
  }

  /** {@code convoy.home/bin}, checked: the quick start starts the distribution's own binaries. */
  private Path binDirectory() {
    Path home = context.environment().convoyHome().orElseThrow(() -> new CommandFailedException(
        "quickstart needs the Convoy distribution: run it as bin/convoy quickstart (convoy.home is not set)"));
    Path bin = home.resolve("bin");
    for (String name : new String[] {"convoy-server", "convoy-agent"}) {
      if (!Files.isExecutable(bin.resolve(name))) {
        throw new CommandFailedException("quickstart: " + bin.resolve(name) + " is missing or not executable"
            + " (expected: a built distribution, e.g. ./mvnw package)");
      }
    }
    return bin;
  }
}
