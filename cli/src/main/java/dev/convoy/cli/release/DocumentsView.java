package dev.convoy.cli.release;

import dev.convoy.cli.kb.KbView;
import dev.convoy.cli.output.ByteSizes;
import dev.convoy.cli.output.Table;
import dev.convoy.protocol.v1.KbArticleSummary;
import dev.convoy.protocol.v1.ListReleaseDocumentsResponse;
import dev.convoy.protocol.v1.ReleaseDocument;
import dev.convoy.protocol.v1.TrainingGroupCount;
import dev.convoy.protocol.v1.TrainingItem;
import dev.convoy.protocol.v1.TrainingReport;
import java.util.Locale;

/** Human renderings of a release's documents and of its training report. Stateless. */
public final class DocumentsView {
  private DocumentsView() {}

  /** One row per document, the KB coverage, the training item. */
  public static String render(ListReleaseDocumentsResponse docs) {
    var release = docs.getRelease();
    String ref = release.getName() + "@" + release.getVersion();
    if (release.getDocumentsCount() == 0 && !docs.hasTraining()) {
      return ref + " carries no documents.\n";
    }
    Table table = new Table("KIND", "TITLE", "ID", "SIZE", "NAME");
    for (ReleaseDocument d : release.getDocumentsList()) {
      table.row(d.getKind(), d.getTitle().isEmpty() ? "-" : d.getTitle(), d.getId().isEmpty() ? "-" : d.getId(),
          ByteSizes.human(d.getLength()), d.getName());
    }
    StringBuilder text = new StringBuilder("Documents of ").append(ref).append(":\n").append(table.render());
    if (docs.getKbArticlesCount() > 0) {
      Table kb = new Table("KB", "COVERS");
      for (KbArticleSummary a : docs.getKbArticlesList()) {
        kb.row(a.getId(), KbView.covers(a.getCovers()));
      }
      text.append("\nKB articles cover:\n").append(kb.render("  "));
    }
    if (docs.hasTraining()) {
      text.append("\nTraining: ").append(training(docs.getTraining())).append('\n');
    }
    return text.toString();
  }

  static String training(TrainingItem t) {
    return t.getTitle() + " (for " + t.getAudience() + ") " + (t.getLink().isEmpty() ? "document " + t.getDocument()
        : t.getLink());
  }

  /** Per group: endpoints, attested, percentage; then the total. */
  public static String training(TrainingReport report) {
    StringBuilder text = new StringBuilder("Training of ").append(report.getTraining().getReleaseName()).append('@')
        .append(report.getTraining().getReleaseVersion()).append(": ").append(training(report.getTraining()))
        .append("\n\n");
    if (report.getGroupsCount() == 0) {
      return text.append("No endpoint is targeted by a campaign of this release yet.\n").toString();
    }
    Table table = new Table("GROUP", "ENDPOINTS", "ATTESTED", "%");
    for (TrainingGroupCount g : report.getGroupsList()) {
      table.row(g.getGroup(), String.valueOf(g.getEndpoints()), String.valueOf(g.getAttested()),
          percent(g.getPercent()));
    }
    double all = report.getEndpoints() == 0 ? 0 : 100.0 * report.getAttested() / report.getEndpoints();
    table.row("(all)", String.valueOf(report.getEndpoints()), String.valueOf(report.getAttested()), percent(all));
    return text.append(table.render()).toString();
  }

  private static String percent(double value) {
    return String.format(Locale.ROOT, "%.0f %%", value);
  }
}
