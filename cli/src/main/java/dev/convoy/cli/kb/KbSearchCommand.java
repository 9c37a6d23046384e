package dev.convoy.cli.kb;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.SearchKnowledgeBaseRequest;
import dev.convoy.protocol.v1.SearchKnowledgeBaseResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code convoy kb search TEXT...}: articles holding every word in their title or text, best and newest first. */
@Command(name = "search", description = {"Searches the KB articles of every release (title and text, ignoring case).",
    "Every word must occur; a word in the title ranks higher; then the newest release comes first."})
public final class KbSearchCommand extends CliCommand {
  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The words to look for.")
  private List<String> words;

  @Option(names = "--limit", paramLabel = "N", description = "At most N articles (default 50, at most 500).")
  private int limit;

  @Mixin
  private OutputOption output;

  KbSearchCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json(); // refuses csv before the server is asked
    SearchKnowledgeBaseResponse response = context.admin().searchKnowledgeBase(SearchKnowledgeBaseRequest
        .newBuilder().setText(String.join(" ", words)).setLimit(limit).build());
    context.out().print(json ? Json.pretty(response) + "\n"
        : KbView.search(response.getArticlesList(), response.getTotal()));
    return ExitCodes.OK;
  }
}
