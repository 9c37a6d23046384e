package dev.convoy.release;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The document slots of a release. Every slot is optional here; the server's readiness gate decides which a
 * production campaign needs. Document names are unique across slots, KB article ids unique.
 *
 * @param releaseNotes what changed
 * @param userDoc documentation for the people who use the software
 * @param runbook the production runbook technicians follow
 * @param kbArticles technician knowledge-base articles
 * @param training the training item
 */
public record ReleaseDocuments(Optional<DocumentRef> releaseNotes, Optional<DocumentRef> userDoc,
    Optional<DocumentRef> runbook, List<KbArticle> kbArticles, Optional<Training> training) {
  /** No documents. */
  public static final ReleaseDocuments NONE =
      new ReleaseDocuments(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());

  /** @throws IllegalArgumentException for a repeated document name or KB id, or too many documents */
  public ReleaseDocuments {
    Text.required("documents.release_notes", releaseNotes);
    Text.required("documents.user_doc", userDoc);
    Text.required("documents.runbook", runbook);
    kbArticles = List.copyOf(kbArticles);
    Text.required("documents.training", training);
    Set<String> ids = new HashSet<>();
    for (KbArticle article : kbArticles) {
      if (!ids.add(article.id())) {
        throw new IllegalArgumentException("documents.kb_articles: id " + Text.quoted(article.id())
            + " appears twice (expected: unique ids)");
      }
    }
    checkNames(all(releaseNotes, userDoc, runbook, kbArticles, training));
  }

  /** Every document file, ordered by name: the order of the docs entries in the container. */
  public List<DocumentRef> files() {
    return all(releaseNotes, userDoc, runbook, kbArticles, training);
  }

  private static List<DocumentRef> all(Optional<DocumentRef> releaseNotes, Optional<DocumentRef> userDoc,
      Optional<DocumentRef> runbook, List<KbArticle> kbArticles, Optional<Training> training) {
    List<DocumentRef> all = new ArrayList<>();
    releaseNotes.ifPresent(all::add);
    userDoc.ifPresent(all::add);
    runbook.ifPresent(all::add);
    kbArticles.forEach(a -> all.add(a.document()));
    training.flatMap(Training::document).ifPresent(all::add);
    all.sort((a, b) -> a.name().compareTo(b.name())); // names are ASCII: UTF-16 order is byte order
    return List.copyOf(all);
  }

  private static void checkNames(List<DocumentRef> files) {
    if (files.size() > ReleaseFormat.MAX_DOCUMENTS) {
      throw new IllegalArgumentException("documents: " + files.size() + " files (expected: at most "
          + ReleaseFormat.MAX_DOCUMENTS + ")");
    }
    for (int i = 1; i < files.size(); i++) {
      if (files.get(i).name().equals(files.get(i - 1).name())) {
        throw new IllegalArgumentException("documents: " + Text.quoted(files.get(i).name()) + " is listed twice"
            + " (expected: each document file in one slot)");
      }
    }
  }
}
