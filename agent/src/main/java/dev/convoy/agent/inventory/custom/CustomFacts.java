package dev.convoy.agent.inventory.custom;

import dev.convoy.agent.inventory.FactSink;
import dev.convoy.agent.inventory.FactSource;
import dev.convoy.agent.inventory.Inventory;
import dev.convoy.agent.process.Command;
import dev.convoy.agent.process.CommandResult;
import dev.convoy.agent.process.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Custom facts ({@code facts.<key>}) from the executables in {@code DIR/facts.d/} (docs/inventory.md), run one by
 * one in name order at each collection: directly (no shell; a script's {@code #!} line picks its interpreter),
 * from facts.d, with a clean environment ({@link Command#CLEAN_ENVIRONMENT}), no standard input, a timeout and at
 * most {@value #MAX_OUTPUT} bytes of output. Non-executable files are ignored. A script that fails, times out,
 * prints too much or something malformed, or reports a fact another script already reported, contributes nothing
 * and degrades {@code agent.health} with {@code facts.d/<name>: <reason>}.
 *
 * <p>Immutable and thread-safe; each collection blocks for as long as the scripts run (at most their number times
 * the timeout).
 */
public final class CustomFacts implements FactSource {
  private static final Logger logger = LoggerFactory.getLogger(CustomFacts.class);
  /** The bound on one script's standard output. */
  static final int MAX_OUTPUT = 256 * 1024;
  /** The default time one script may run. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final Path directory;
  private final Duration timeout;
  private final CommandRunner runner;

  public CustomFacts(Path directory, Duration timeout, CommandRunner runner) {
    this.directory = directory;
    this.timeout = timeout;
    this.runner = runner;
  }

  @Override
  public String name() {
    return "facts.d";
  }

  @Override
  public void collect(FactSink sink) {
    for (Path script : scripts(sink)) {
      String name = "facts.d/" + script.getFileName();
      Outcome outcome = run(script);
      Optional<String> problem = outcome.facts() == null ? Optional.of(outcome.failure()) : sink.putAll(outcome.facts());
      problem.ifPresent(p -> {
        logger.warn("custom facts refused script={} reason=\"{}\"", script.getFileName(), p);
        sink.degrade(name + ": " + p);
      });
    }
  }

  private Outcome run(Path script) {
    Command command = new Command(List.of(script.toAbsolutePath().toString()), Command.CLEAN_ENVIRONMENT,
        directory.toAbsolutePath(), timeout, MAX_OUTPUT);
    CommandResult result = runner.run(command);
    if (!result.succeeded()) {
      return new Outcome(null, result.failure(command));
    }
    try {
      return new Outcome(CustomFactParser.parse(result.stdout()), null);
    } catch (IllegalArgumentException e) {
      return new Outcome(null, e.getMessage());
    }
  }

  /** A script's facts, or why it has none. */
  private record Outcome(Inventory.Builder facts, String failure) {}

  private List<Path> scripts(FactSink sink) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> Files.isRegularFile(f) && Files.isExecutable(f)).sorted().toList();
    } catch (IOException e) {
      sink.degrade("facts.d: cannot list " + directory + ": " + e.getMessage());
      return List.of();
    }
  }
}
