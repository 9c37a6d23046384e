package dev.convoy.cli.release;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * One technician KB article of a release: an argument group that may be given several times. Each {@code --kb ID}
 * starts a new article; its {@code --kb-title} and {@code --kb-file} (required) and {@code --kb-exit-codes} /
 * {@code --kb-states} (optional) follow it:
 *
 * <pre>--kb KB-17 --kb-title "Disk full" --kb-file kb17.md --kb-exit-codes 28
 * --kb KB-18 --kb-title "Proxy" --kb-file kb18.md --kb-states DOWNLOADING</pre>
 *
 * <p>A group rather than one {@code ID:TITLE:FILE} string: titles and paths may hold colons, and each value gets
 * its own error message.
 */
public final class KbOption {
  @Option(names = "--kb", required = true, paramLabel = "ID",
      description = "Starts a KB article: its id, e.g. KB-17 (repeat the group for more articles).")
  String id;

  @Option(names = "--kb-title", required = true, paramLabel = "T", description = "The KB article's title.")
  String title;

  @Option(names = "--kb-file", required = true, paramLabel = "F", description = "The KB article (Markdown file).")
  String file;

  @Option(names = "--kb-exit-codes", split = ",", paramLabel = "CODES",
      description = "Installer exit codes the article covers, e.g. 1,3.")
  List<Integer> exitCodes = new ArrayList<>();

  @Option(names = "--kb-states", split = ",", paramLabel = "STATES",
      description = "Deployment states the article covers, e.g. INSTALLING,VERIFYING.")
  List<String> states = new ArrayList<>();
}
