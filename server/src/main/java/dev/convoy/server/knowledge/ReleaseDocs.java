package dev.convoy.server.knowledge;

import dev.convoy.server.catalogue.Release;
import java.util.List;
import java.util.Optional;

/**
 * What a release carries besides its payload: its documents (as the catalogue lists them), its KB articles with
 * their coverage, and its training item. Immutable.
 */
public record ReleaseDocs(Release release, List<KbEntry> kbArticles, Optional<TrainingItem> training) {
  public ReleaseDocs {
    kbArticles = List.copyOf(kbArticles);
  }
}
