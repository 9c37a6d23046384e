package dev.convoy.server.group;

import dev.convoy.server.storage.ChangeSet;
import java.util.List;
import java.util.Optional;

/** Port: where dynamic groups are kept. Implementations are thread-safe. */
public interface GroupStore {
  Optional<Group> find(String name);

  /** Every dynamic group, in name order. */
  List<Group> list();

  /** Stages a create-or-replace of {@code group}. */
  void put(ChangeSet changes, Group group);
}
