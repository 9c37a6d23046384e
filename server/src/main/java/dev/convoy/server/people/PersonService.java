package dev.convoy.server.people;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Persons and their roles. Thread-safe. */
public final class PersonService {
  private static final Logger logger = LoggerFactory.getLogger(PersonService.class);

  private final PersonStore store;
  private final Storage storage;

  public PersonService(PersonStore store, Storage storage) {
    this.store = store;
    this.storage = storage;
  }

  public Optional<Person> find(String name) {
    return store.find(name);
  }

  /**
   * Durably records a new person.
   *
   * @throws ConvoyException INVALID_ARGUMENT for a malformed name, ALREADY_EXISTS if the name is taken
   */
  public synchronized Person register(Person person) {
    if (!Person.NAME.matcher(person.name()).matches()) {
      throw ConvoyException.invalidArgument("name: '" + person.name() + "' (expected: " + Person.NAME + ")");
    }
    if (store.find(person.name()).isPresent()) {
      throw ConvoyException.alreadyExists("person: " + person.name() + " exists already");
    }
    ChangeSet changes = storage.begin();
    store.put(changes, person);
    storage.commit(changes);
    logger.info("person registered name={} roles={}", person.name(), person.roles());
    return person;
  }
}
