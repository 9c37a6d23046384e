package dev.convoy.server;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.audit.AuditLog;
import dev.convoy.server.people.Person;
import dev.convoy.server.people.PersonService;
import dev.convoy.server.people.Role;
import dev.convoy.server.pki.ServerPki;
import dev.convoy.server.storage.rocksdb.RocksAuditStore;
import dev.convoy.server.storage.rocksdb.RocksPersonStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.Identity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * {@code convoy-server init}: creates the CA, the server identity, the first admin's identity file
 * ({@code DIR/admin.pem}, person {@code admin} with role admin, also registered in the database) and
 * {@code server.properties}. Refuses, changing nothing, if the directory was initialised before.
 */
public final class ServerInitializer {
  /** The first person; created by init with role admin. */
  public static final String FIRST_ADMIN = "admin";

  /** What init created: the CA fingerprint to pin on agents, the admin identity file, the listen address. */
  public record Result(Fingerprint caFingerprint, Path adminIdentity, ListenAddress listen, Path dataDirectory) {}

  private ServerInitializer() {}

  /**
   * Initialises {@code dataDirectory}.
   *
   * @param sans server certificate subject alternative names; empty means localhost and 127.0.0.1
   * @throws ConvoyException FAILED_PRECONDITION if the directory is already initialised
   * @throws IllegalArgumentException if a SAN is malformed (nothing is written then)
   * @throws IOException if a file cannot be written
   */
  public static Result init(Path dataDirectory, List<String> sans, ListenAddress listen, Clock clock)
      throws IOException {
    DataDirectory dir = new DataDirectory(dataDirectory);
    dir.initialisationMarker().ifPresent(found -> {
      throw ConvoyException.failedPrecondition(
          dir.root() + " is already initialised (found " + found + "); refusing to overwrite it");
    });
    Files.createDirectories(dir.root());
    ServerPki pki = ServerPki.create(dir.pki(), sans, clock);
    Identity admin = pki.issuePersonIdentity(FIRST_ADMIN);
    admin.save(dir.adminIdentity());
    try (RocksStorage storage = RocksStorage.open(dir.database())) {
      new PersonService(new RocksPersonStore(storage), new AuditLog(new RocksAuditStore(storage), storage, clock),
          clock).register(new Person(FIRST_ADMIN, admin.subject(), Set.of(Role.ADMIN), clock.instant(),
              admin.certificate().getSerialNumber().toString(16)), "convoy-server init");
    }
    Files.writeString(dir.properties(), "# written by convoy-server init; --listen on run overrides it\n"
        + ServerConfig.LISTEN_PROPERTY + "=" + listen + "\n", StandardCharsets.UTF_8);
    return new Result(pki.caFingerprint(), dir.adminIdentity(), listen, dir.root());
  }
}
