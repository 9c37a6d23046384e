package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.people.Person;
import dev.convoy.server.people.PersonStore;
import dev.convoy.server.people.Role;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.v1.PersonRecord;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Persons in {@link ColumnFamily#PEOPLE}, keyed by name; roles stored by label. */
public final class RocksPersonStore implements PersonStore {
  private final RocksStorage storage;

  public RocksPersonStore(RocksStorage storage) {
    this.storage = storage;
  }

  @Override
  public Optional<Person> find(String name) {
    return Optional.ofNullable(storage.get(ColumnFamily.PEOPLE, Keys.of(name))).map(RocksPersonStore::decode);
  }

  @Override
  public List<Person> list() {
    return storage.scan(ColumnFamily.PEOPLE, Keys.EMPTY).stream().map(e -> decode(e.getValue())).toList();
  }

  @Override
  public void put(ChangeSet changes, Person person) {
    PersonRecord.Builder builder = PersonRecord.newBuilder()
        .setName(person.name()).setSubject(person.subject()).setCreatedAt(Keys.timestamp(person.createdAt()))
        .addAllRoles(person.roles().stream().map(Role::label).sorted().toList())
        .addAllCertificateSerials(person.certificateSerials().stream().sorted().toList())
        .addAllScopes(person.scopes().stream().sorted().toList()).setEmail(person.email())
        .setRevoked(person.revoked());
    if (person.revokedAt() != null) {
      builder.setRevokedAt(Keys.timestamp(person.revokedAt()));
    }
    PersonRecord record = builder.build();
    ((RocksChangeSet) changes).put(ColumnFamily.PEOPLE, Keys.of(person.name()), record.toByteArray());
  }

  private static Person decode(byte[] bytes) {
    try {
      PersonRecord r = PersonRecord.parseFrom(bytes);
      Set<Role> roles = EnumSet.noneOf(Role.class);
      // A role this version does not know (written by a newer server) grants nothing here.
      r.getRolesList().forEach(label -> Role.fromLabel(label).ifPresent(roles::add));
      Instant revokedAt = r.getRevoked() ? Keys.instant(r.getRevokedAt()) : null;
      return new Person(r.getName(), r.getSubject(), roles, Set.copyOf(r.getScopesList()), r.getEmail(),
          Keys.instant(r.getCreatedAt()), Set.copyOf(r.getCertificateSerialsList()), revokedAt);
    } catch (InvalidProtocolBufferException e) {
      throw ConvoyException.internal("corrupt person record: " + e.getMessage(), e);
    }
  }
}
