package dev.convoy.server.people;

import dev.convoy.server.storage.ChangeSet;
import java.util.List;
import java.util.Optional;

/** Port: where persons and their roles are kept. Implementations are thread-safe. */
public interface PersonStore {
  Optional<Person> find(String name);

  /** Every person, revoked ones too, by name. */
  List<Person> list();

  /** Stages a create-or-replace of {@code person}. */
  void put(ChangeSet changes, Person person);
}
