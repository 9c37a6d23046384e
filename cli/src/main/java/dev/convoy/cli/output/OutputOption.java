package dev.convoy.cli.output;

import picocli.CommandLine.Option;

/** The {@code --output table|json} option, mixed into every listing and showing command. */
public final class OutputOption {
  @Option(names = {"-o", "--output"}, paramLabel = "table|json", defaultValue = "table",
      description = "Output format: table (for people) or json (stable, for scripts). Default: ${DEFAULT-VALUE}.")
  private OutputFormat format = OutputFormat.TABLE;

  public OutputFormat format() {
    return format;
  }

  public boolean json() {
    return format == OutputFormat.JSON;
  }
}
