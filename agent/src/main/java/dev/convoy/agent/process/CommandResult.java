package dev.convoy.agent.process;

import java.time.Duration;

/**
 * How a {@link Command} ended: a value, not an exception, because a failing program is an expected outcome.
 *
 * @param outcome how it ended
 * @param exitCode the exit status when it {@link Outcome#EXITED}, else -1
 * @param stdout what it printed (UTF-8, at most the command's bound)
 * @param stderr the start of its standard error, for messages
 * @param detail for {@link Outcome#NOT_STARTED}: why it could not start
 */
public record CommandResult(Outcome outcome, int exitCode, String stdout, String stderr, String detail) {
  /** How a command ended. */
  public enum Outcome { EXITED, TIMED_OUT, OUTPUT_TOO_LARGE, NOT_STARTED, INTERRUPTED }

  /** Whether it ran to the end and exited with status 0. */
  public boolean succeeded() {
    return outcome == Outcome.EXITED && exitCode == 0;
  }

  /**
   * Why it did not succeed, for logs and {@code agent.health}: {@code exit status 3: <start of stderr>},
   * {@code timed out after 10 s}, {@code output exceeds 1048576 bytes}, {@code cannot run: <reason>}.
   */
  public String failure(Command command) {
    return switch (outcome) {
      case EXITED -> "exit status " + exitCode + firstLine(stderr);
      case TIMED_OUT -> "timed out after " + seconds(command.timeout());
      case OUTPUT_TOO_LARGE -> "output exceeds " + command.maxOutputBytes() + " bytes";
      case NOT_STARTED -> "cannot run: " + detail;
      case INTERRUPTED -> "interrupted (the agent is stopping)";
    };
  }

  /** The start of standard error on one line (tools often give the reason on their second line). */
  private static String firstLine(String text) {
    String line = String.join(" ", text.strip().lines().map(String::strip).toList());
    return line.isEmpty() ? "" : ": " + (line.length() > 300 ? line.substring(0, 300) + "…" : line);
  }

  private static String seconds(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }
}
