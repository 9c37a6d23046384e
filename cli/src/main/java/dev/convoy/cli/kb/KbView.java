package dev.convoy.cli.kb;

import dev.convoy.cli.output.Table;
import dev.convoy.protocol.v1.KbArticleContent;
import dev.convoy.protocol.v1.KbArticleSummary;
import dev.convoy.protocol.v1.KbCoverage;
import java.util.ArrayList;
import java.util.List;

/** Human renderings of KB articles: search results, one article, and the lines shown beside a failure. Stateless. */
public final class KbView {
  private KbView() {}

  /** {@code exit 28, 75; states INSTALLING}, or {@code -} when the article declares nothing. */
  public static String covers(KbCoverage covers) {
    List<String> parts = new ArrayList<>();
    if (covers.getExitCodesCount() > 0) {
      parts.add("exit " + String.join(", ", covers.getExitCodesList().stream().map(String::valueOf).toList()));
    }
    if (covers.getStatesCount() > 0) {
      parts.add("states " + String.join(", ", covers.getStatesList()));
    }
    return parts.isEmpty() ? "-" : String.join("; ", parts);
  }

  static String release(KbArticleSummary a) {
    return a.getReleaseName() + "@" + a.getReleaseVersion();
  }

  /** One row per article: id, title, release, what it covers, the matching line. */
  public static String search(List<KbArticleSummary> articles, int total) {
    if (articles.isEmpty()) {
      return "No KB article matches.\n";
    }
    Table table = new Table("ID", "TITLE", "RELEASE", "COVERS", "MATCH");
    for (KbArticleSummary a : articles) {
      table.row(a.getId(), a.getTitle(), release(a), covers(a.getCovers()), Table.oneLine(a.getExcerpt()));
    }
    String more = total > articles.size() ? "(" + articles.size() + " of " + total + " shown; use --limit)\n" : "";
    return table.render() + more;
  }

  /** The article's header lines, its Markdown as written, then the other releases carrying it. */
  public static String show(KbArticleContent content) {
    KbArticleSummary a = content.getArticle();
    StringBuilder text = new StringBuilder().append(a.getId()).append(": ").append(a.getTitle()).append('\n')
        .append(Table.withoutHeader(2).row("release", release(a)).row("covers", covers(a.getCovers()))
            .row("document", a.getDocument()).render("  "))
        .append('\n').append(content.getText());
    if (!content.getText().endsWith("\n")) {
      text.append('\n');
    }
    if (content.getOtherReleasesCount() > 0) {
      text.append("\nAlso in: ").append(String.join(", ", content.getOtherReleasesList().stream()
          .map(KbView::release).toList())).append('\n');
    }
    return text.toString();
  }

  /**
   * The lines {@code convoy campaign status ID --endpoint E} adds for a failed deployment: one per matching article;
   * nothing when none matches (the deployment view stays as it was).
   */
  public static String forFailure(List<KbArticleSummary> articles) {
    if (articles.isEmpty()) {
      return "";
    }
    Table table = new Table("ID", "TITLE", "RELEASE", "COVERS");
    articles.forEach(a -> table.row(a.getId(), a.getTitle(), release(a), covers(a.getCovers())));
    return "\nKB articles for this failure (convoy kb show ID@NAME@VERSION):\n" + table.render("  ");
  }
}
