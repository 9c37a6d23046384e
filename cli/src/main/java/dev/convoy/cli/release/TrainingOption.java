package dev.convoy.cli.release;

import dev.convoy.cli.UsageException;
import picocli.CommandLine.Option;

/**
 * The release's training item: title, audience, and either a link or a Markdown document. The link/file choice is
 * checked by {@link #requireOneSource()} rather than a nested exclusive group, whose picocli error is unreadable.
 */
public final class TrainingOption {
  @Option(names = "--training-title", required = true, paramLabel = "T", description = "The training's title.")
  String title;

  @Option(names = "--training-audience", required = true, paramLabel = "A",
      description = "Who should take it, e.g. \"all office users\".")
  String audience;

  @Option(names = "--training-link", paramLabel = "URL", description = "The training's http(s) link, or:")
  String link;

  @Option(names = "--training-file", paramLabel = "F", description = "The training as a Markdown file.")
  String file;

  /** @throws UsageException unless exactly one of {@code --training-link} and {@code --training-file} was given */
  void requireOneSource() {
    if ((link == null) == (file == null)) {
      throw new UsageException((link == null ? "neither --training-link nor --training-file"
          : "both --training-link and --training-file") + " (expected: exactly one, with --training-title)");
    }
  }
}
