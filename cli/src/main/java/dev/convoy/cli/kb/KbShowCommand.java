package dev.convoy.cli.kb;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.GetKbArticleRequest;
import dev.convoy.protocol.v1.KbArticleContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code convoy kb show ID|ID@NAME@VERSION}: one article, as its release's publisher wrote it. */
@Command(name = "show", description = {"Shows one KB article: from the newest release that carries ID, or from",
    "the release named with ID@NAME@VERSION. Prints its Markdown as written."})
public final class KbShowCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The article id (KB-17) or ID@NAME@VERSION.")
  private String id;

  @Mixin
  private OutputOption output;

  KbShowCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json(); // refuses csv before the server is asked
    KbArticleContent article = context.admin().getKbArticle(GetKbArticleRequest.newBuilder().setId(id).build());
    context.out().print(json ? Json.pretty(article) + "\n" : KbView.show(article));
    return ExitCodes.OK;
  }
}
