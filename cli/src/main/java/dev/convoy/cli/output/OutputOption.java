package dev.convoy.cli.output;

import dev.convoy.cli.UsageException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --output table|json|csv} option, mixed into every listing and showing command.
 *
 * <p>CSV is opt-in: a command that prints CSV reads {@link #format()}; a command that prints only table or JSON
 * reads {@link #json()}, which refuses {@code csv} with a usage error naming the command. A command therefore
 * never prints a table when CSV was asked for. Call either before contacting the server, so that a wrong
 * {@code --output} changes nothing.
 */
public final class OutputOption {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  @Option(names = {"-o", "--output"}, paramLabel = "table|json|csv", defaultValue = "table",
      description = "Output format: table (for people), json (stable, for scripts) or csv (RFC 4180, for commands "
          + "that list items). Default: ${DEFAULT-VALUE}.")
  private OutputFormat format = OutputFormat.TABLE;

  /** The format asked for: for commands that support all of them. */
  public OutputFormat format() {
    return format;
  }

  /**
   * Whether JSON was asked for, for commands that print table or JSON only.
   *
   * @throws UsageException if {@code csv} was asked for: {@code --output csv is not supported by convoy whoami}
   */
  public boolean json() {
    if (format == OutputFormat.CSV) {
      throw unsupported(command.qualifiedName());
    }
    return format == OutputFormat.JSON;
  }

  /** The usage error for {@code --output csv} on {@code what} (a command, or a command with an option). */
  public static UsageException unsupported(String what) {
    return new UsageException("--output csv is not supported by " + what + " (expected: table or json)");
  }
}
