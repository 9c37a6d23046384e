package dev.convoy.server.knowledge;

import dev.convoy.release.KbArticle;
import dev.convoy.release.SignedDocuments;
import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.error.ConvoyException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base across releases: every KB article of every signed release, in memory, newest release first.
 *
 * <p>Why in memory and derived rather than a column family: the signed release files are the single source of
 * truth, so an index derived from them can never disagree with what was signed, needs no schema or migration, and
 * cannot be half-written by a crash between a release and its index entries. It is built on first use from the
 * catalogue by reading only the head (manifest + documents, never the payload) of the releases whose recorded
 * documents include KB articles, each checked against its recorded manifest hash; then every publication adds its
 * articles ({@link #add}). With 1,000 releases that is 1,000 small sequential reads once, a few MB of text in
 * memory, and each search a linear scan of pre-lowered text (well under a millisecond per thousand articles).
 *
 * <p>Thread-safe: readers see an immutable snapshot; building and adding are serialised.
 */
public final class KnowledgeIndex {
  private static final Logger logger = LoggerFactory.getLogger(KnowledgeIndex.class);
  /** Newest publication first; within one instant the higher version first. */
  static final Comparator<KbEntry> NEWEST_FIRST = Comparator.comparing(KbEntry::publishedAt).reversed()
      .thenComparing(KbEntry::version, Comparator.reverseOrder())
      .thenComparing(KbEntry::releaseName).thenComparing(KbEntry::id);

  private final CatalogueService catalogue;
  private final ReleaseHeads heads;
  private volatile List<KbEntry> entries;

  public KnowledgeIndex(CatalogueService catalogue, ReleaseHeads heads) {
    this.catalogue = catalogue;
    this.heads = heads;
  }

  /** Every article, newest release first (builds the index on first use). */
  public List<KbEntry> entries() {
    List<KbEntry> current = entries;
    return current != null ? current : build();
  }

  /**
   * Adds the articles of a newly published release (a no-op before the index is first built). Never throws: the
   * publication is already durable; if its file cannot be read now, the index is dropped and rebuilt on next use.
   */
  public synchronized void add(Release release) {
    if (entries == null || !hasArticles(release)) {
      return;
    }
    try {
      List<KbEntry> next = new ArrayList<>(entries);
      next.removeIf(e -> e.releaseName().equals(release.name()) && e.releaseVersion().equals(release.version()));
      next.addAll(read(release));
      next.sort(NEWEST_FIRST);
      entries = List.copyOf(next);
    } catch (RuntimeException e) {
      logger.warn("kb index cannot add release release={} reason={}; rebuilding on next use", release.ref(),
          e.getMessage());
      entries = null;
    }
  }

  /** The articles of {@code release}, verified from its stored file (empty for one without articles). */
  public List<KbEntry> read(Release release) {
    if (!hasArticles(release)) {
      return List.of();
    }
    SignedDocuments.Head head = heads.read(release);
    List<KbEntry> articles = new ArrayList<>();
    for (KbArticle a : head.manifest().documents().kbArticles()) {
      articles.add(new KbEntry(release.name(), release.version(), release.publishedAt(), a.id(), a.title(),
          a.covers().states(), a.covers().exitCodes(), a.document().name(),
          head.documents().get(a.document().name())));
    }
    return articles;
  }

  /** The newest release's article with this id, or the one of {@code name@version} when given. */
  public Optional<KbEntry> find(String id, Optional<String> releaseRef) {
    return entries().stream().filter(e -> e.id().equals(id))
        .filter(e -> releaseRef.map(r -> r.equals(e.releaseRef())).orElse(true)).findFirst();
  }

  private synchronized List<KbEntry> build() {
    if (entries != null) {
      return entries;
    }
    long started = System.nanoTime();
    List<KbEntry> all = new ArrayList<>();
    int releases = 0;
    for (Release release : catalogue.list("")) {
      try {
        List<KbEntry> articles = read(release);
        releases += articles.isEmpty() ? 0 : 1;
        all.addAll(articles);
      } catch (ConvoyException e) {
        // One damaged file must not hide the rest of the knowledge base; it is logged by ReleaseHeads.
        logger.warn("kb index skips release release={} reason={}", release.ref(), e.getMessage());
      }
    }
    all.sort(NEWEST_FIRST);
    entries = List.copyOf(all);
    logger.info("kb index built articles={} releases={} millis={}", all.size(), releases,
        (System.nanoTime() - started) / 1_000_000);
    return entries;
  }

  private static boolean hasArticles(Release release) {
    return release.signed().map(s -> s.documents().stream().anyMatch(d -> d.kind().equals("kb_article")))
        .orElse(false);
  }
}
