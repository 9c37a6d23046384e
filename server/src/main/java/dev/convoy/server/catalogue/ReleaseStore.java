package dev.convoy.server.catalogue;

import dev.convoy.server.storage.ChangeSet;
import java.util.List;
import java.util.Optional;

/** Port: where release records are kept. Implementations are thread-safe. */
public interface ReleaseStore {
  Optional<Release> find(String name, String version);

  /** Releases of package {@code name}, or of every package if {@code name} is empty; in no particular order. */
  List<Release> list(String name);

  /** Stages the creation of {@code release}. */
  void put(ChangeSet changes, Release release);
}
