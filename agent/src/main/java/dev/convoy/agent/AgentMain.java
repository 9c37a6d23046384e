package dev.convoy.agent;

import dev.convoy.agent.enroll.EnrollmentException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code convoy-agent}: the workstation agent's command line and composition root. This package
 * ({@code AgentMain}, {@link EnrollCommand}, {@link RunCommand}, {@link UserCommands}, {@link Agent}) is the only
 * code that wires objects
 * together; everything else receives what it needs.
 *
 * <p>Exit codes: 0 success, 1 runtime or server error, 2 usage error. Every error is one line on stderr,
 * starting with {@code error: }.
 */
@Command(name = "convoy-agent", mixinStandardHelpOptions = true, versionProvider = AgentMain.Version.class,
    description = "The Convoy workstation agent.", subcommands = {EnrollCommand.class, RunCommand.class, UserCommands.Catalog.class,
        UserCommands.Install.class, UserCommands.Notices.class, UserCommands.Defer.class,
        UserCommands.TechnicianCode.class,
        DocsUserCommand.class,
        TrainingUserCommand.class})
public final class AgentMain implements Runnable {
  /** Success. */
  public static final int OK = 0;
  /** A runtime or server error. */
  public static final int RUNTIME_ERROR = 1;
  /** A usage error: unknown or missing option, malformed value. */
  public static final int USAGE_ERROR = 2;

  private static final Logger logger = LoggerFactory.getLogger(AgentMain.class);

  @Spec
  private CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs {@code args} as the command line would, writing to {@code out} and {@code err}.
   *
   * @return the exit code
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new AgentMain());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler((e, arguments) -> {
      err.println("error: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
      err.flush();
      return USAGE_ERROR;
    });
    commandLine.setExecutionExceptionHandler((e, line, parseResult) -> {
      err.println("error: " + message(e));
      err.flush();
      return e instanceof EnrollmentException ee && ee.code() == EnrollmentException.Code.INVALID_ARGUMENT
          ? USAGE_ERROR : RUNTIME_ERROR;
    });
    return commandLine.execute(args);
  }

  // One line for people; the stack trace only at debug level (the message already says what and where).
  private static String message(Exception e) {
    logger.debug("command failed", e);
    if (e instanceof EnrollmentException || e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
      return e.getMessage();
    }
    return "unexpected failure: " + e;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required: enroll, run, catalog, install, notices or defer");
  }

  /** {@code --version}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"convoy-agent " + AgentVersion.current()};
    }
  }
}
