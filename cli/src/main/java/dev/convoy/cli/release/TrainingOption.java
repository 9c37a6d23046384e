package dev.convoy.cli.release;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The release's training item: title, audience, and either a link or a Markdown document (not both). */
public final class TrainingOption {
  @Option(names = "--training-title", required = true, paramLabel = "T", description = "The training's title.")
  String title;

  @Option(names = "--training-audience", required = true, paramLabel = "A",
      description = "Who should take it, e.g. \"all office users\".")
  String audience;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Where the training is: exactly one of the two. */
  static final class Source {
    @Option(names = "--training-link", paramLabel = "URL", description = "The training's http(s) link.")
    String link;

    @Option(names = "--training-file", paramLabel = "F", description = "The training as a Markdown file.")
    String file;
  }
}
