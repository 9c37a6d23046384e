package dev.convoy.server.knowledge;

import dev.convoy.release.SignedDocuments;
import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.catalogue.ReleaseDocument;
import dev.convoy.server.error.ConvoyException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The documents of a release: listing them, and reading one from the stored release file, checked against the
 * signed manifest on every read ({@link ReleaseHeads}). Thread-safe.
 */
public final class DocumentService {
  private final CatalogueService catalogue;
  private final ReleaseHeads heads;

  public DocumentService(CatalogueService catalogue, ReleaseHeads heads) {
    this.catalogue = catalogue;
    this.heads = heads;
  }

  /**
   * The release's documents, KB articles (with coverage) and training item.
   *
   * @throws ConvoyException NOT_FOUND for an unknown release; FAILED_PRECONDITION for an unsigned one or a stored
   *     file that no longer matches its manifest
   */
  public ReleaseDocs describe(String name, String version) {
    Release release = catalogue.require(name, version);
    SignedDocuments.Head head = heads.read(release);
    List<KbEntry> articles = head.manifest().documents().kbArticles().stream()
        .map(a -> new KbEntry(name, version, release.publishedAt(), a.id(), a.title(), a.covers().states(),
            a.covers().exitCodes(), a.document().name(), head.documents().get(a.document().name())))
        .toList();
    Optional<TrainingItem> training = head.manifest().documents().training()
        .map(t -> TrainingItem.of(name, version, t));
    return new ReleaseDocs(release, articles, training);
  }

  /**
   * One document: {@code selector} is a file name ({@code user-doc.md}), a kind ({@code user_doc} or
   * {@code user-doc}, {@code runbook} ...) or a KB article id; empty selects none (only the manifest is answered).
   *
   * @throws ConvoyException NOT_FOUND for an unknown release or document; INVALID_ARGUMENT for a kind several
   *     documents share (naming them); FAILED_PRECONDITION as {@link #describe}
   */
  public DocumentText read(String name, String version, String selector) {
    Release release = catalogue.require(name, version);
    List<ReleaseDocument> documents = release.signed().map(s -> s.documents()).orElse(List.of());
    ReleaseDocument document = selector.isEmpty() ? null : select(release, documents, selector);
    SignedDocuments.Head head = heads.read(release);
    String text = document == null ? "" : head.documents().get(document.name());
    return new DocumentText(release, document, text, head.manifestJson(), head.signatureJson());
  }

  private static ReleaseDocument select(Release release, List<ReleaseDocument> documents, String selector) {
    String kind = selector.toLowerCase(Locale.ROOT).replace('-', '_');
    List<ReleaseDocument> byName = documents.stream().filter(d -> d.name().equals(selector)).toList();
    List<ReleaseDocument> byId = documents.stream().filter(d -> !d.id().isEmpty() && d.id().equals(selector))
        .toList();
    List<ReleaseDocument> byKind = documents.stream().filter(d -> d.kind().equals(kind)).toList();
    List<ReleaseDocument> found = !byName.isEmpty() ? byName : !byId.isEmpty() ? byId : byKind;
    if (found.isEmpty()) {
      throw ConvoyException.notFound("document: " + selector + " is not in release " + release.ref()
          + " (expected: one of " + documents.stream().map(ReleaseDocument::name).toList()
          + ", a kind such as user_doc, or a KB article id)");
    }
    if (found.size() > 1) {
      throw ConvoyException.invalidArgument("document: " + selector + " names " + found.size() + " documents of "
          + release.ref() + " " + found.stream().map(ReleaseDocument::name).toList()
          + " (expected: one of these file names or a KB article id)");
    }
    return found.get(0);
  }
}
