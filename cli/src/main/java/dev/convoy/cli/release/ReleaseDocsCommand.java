package dev.convoy.cli.release;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.campaign.ReleaseRef;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.GetReleaseDocumentRequest;
import dev.convoy.protocol.v1.ListReleaseDocumentsRequest;
import dev.convoy.protocol.v1.ListReleaseDocumentsResponse;
import dev.convoy.protocol.v1.ReleaseDocumentContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy release docs N@V [--show NAME|KIND]}: the documents a signed release carries (kind, title, id,
 * size; KB coverage; the training item), or one of them printed as written. The server reads them from the stored
 * release file and checks them against the signed manifest first.
 */
@Command(name = "docs", description = {"Lists a release's documents: kind, title, KB id, size; the failures each KB",
    "article covers; the training item. With --show: prints one document's Markdown as written."})
public final class ReleaseDocsCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "NAME@VERSION", converter = ReleaseRef.Converter.class,
      description = "The release.")
  private ReleaseRef release;

  @Option(names = "--show", paramLabel = "NAME|KIND",
      description = "Print one document: its file name (user-doc.md), its kind (user_doc, runbook, release_notes,"
          + " training) or a KB article id.")
  private String show;

  @Mixin
  private OutputOption output;

  ReleaseDocsCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json(); // refuses csv before the server is asked
    if (show != null) {
      ReleaseDocumentContent content = context.admin().getReleaseDocument(GetReleaseDocumentRequest.newBuilder()
          .setName(release.name()).setVersion(release.version()).setDocument(show).build());
      String text = content.getText();
      context.out().print(json ? Json.pretty(content) + "\n"
          : text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
      return ExitCodes.OK;
    }
    ListReleaseDocumentsResponse docs = context.admin().listReleaseDocuments(ListReleaseDocumentsRequest
        .newBuilder().setName(release.name()).setVersion(release.version()).build());
    context.out().print(json ? Json.pretty(docs) + "\n" : DocumentsView.render(docs));
    return ExitCodes.OK;
  }
}
