package dev.convoy.server;

import dev.convoy.server.audit.AuditLog;
import dev.convoy.server.enrollment.EnrollmentToken;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.group.Group;
import dev.convoy.server.people.Actor;
import dev.convoy.server.people.IdentityService;
import dev.convoy.server.people.IssuedIdentity;
import dev.convoy.server.people.PersonService;
import dev.convoy.server.people.ProfileChange;
import dev.convoy.server.pki.CaPersonCertificateIssuer;
import dev.convoy.server.pki.ServerPki;
import dev.convoy.server.storage.rocksdb.RocksAuditStore;
import dev.convoy.server.storage.rocksdb.RocksEndpointStore;
import dev.convoy.server.storage.rocksdb.RocksGroupStore;
import dev.convoy.server.storage.rocksdb.RocksPersonStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.server.storage.rocksdb.RocksTokenStore;
import dev.convoy.transport.Csr;
import dev.convoy.transport.Identity;
import dev.convoy.transport.KeyPairs;
import dev.convoy.transport.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.function.Predicate;

/**
 * {@code convoy-server identity issue}: issues a person identity straight on a stopped server's data directory (the
 * way {@code init} made the first admin), for when nobody with a working identity is at hand. The same
 * {@link IdentityService} rules apply as for {@code convoy identity issue}; the audit log records the server as the
 * actor. Refuses while a server holds the directory's database.
 */
public final class OfflineIdentityIssuer {
  /** What the audit log records as the actor. */
  public static final String ACTOR = "convoy-server identity issue (offline)";

  private OfflineIdentityIssuer() {}

  /**
   * Generates a key pair here, issues the certificate with the directory's CA, registers (or re-issues) the person
   * and writes the identity file ({@code out}, mode 0600).
   *
   * @throws ConvoyException FAILED_PRECONDITION if the directory is not initialised, {@code out} exists, or the
   *     server is running on it; as {@link IdentityService#issue} for invalid input
   * @throws IOException if the identity file cannot be written
   */
  public static IssuedIdentity issue(Path dataDirectory, String name, ProfileChange change, Path out, Clock clock)
      throws IOException {
    DataDirectory dir = new DataDirectory(dataDirectory);
    if (dir.initialisationMarker().isEmpty()) {
      throw ConvoyException.failedPrecondition(dir.root() + " is not initialised (expected: a data directory made "
          + "by convoy-server init)");
    }
    if (Files.exists(out)) {
      throw ConvoyException.failedPrecondition("--out: " + out + " exists (expected: a new file; an identity file "
          + "is never overwritten)");
    }
    ServerPki pki = ServerPki.load(dir.pki(), clock);
    KeyPair keys = KeyPairs.newP256();
    try (RocksStorage storage = openStopped(dir)) {
      PersonService people = new PersonService(new RocksPersonStore(storage),
          new AuditLog(new RocksAuditStore(storage), storage, clock), clock);
      IssuedIdentity issued = new IdentityService(people, new CaPersonCertificateIssuer(pki.ca()),
          groupExists(storage)).issue(name, Csr.create(keys, name), change, Actor.server(ACTOR));
      new Identity(keys.getPrivate(), Pem.certificate(issued.certificate().certificatePem()),
          Pem.certificate(issued.certificate().caCertificatePem())).save(out);
      return issued;
    }
  }

  private static RocksStorage openStopped(DataDirectory dir) {
    try {
      return RocksStorage.open(dir.database());
    } catch (ConvoyException e) {
      if (e.code() != ErrorCode.UNAVAILABLE) {
        throw e;
      }
      throw ConvoyException.failedPrecondition("the database in " + dir.root() + " is in use, most likely by a "
          + "running server (expected: the server stopped; or issue against it with convoy identity issue). "
          + "Cause: " + e.getMessage());
    }
  }

  /** Static groups (tokens, enrolled endpoints) and dynamic ones, read from the stores without a running server. */
  private static Predicate<String> groupExists(RocksStorage storage) {
    return name -> new RocksGroupStore(storage).list().stream().map(Group::name).anyMatch(name::equals)
        || new RocksTokenStore(storage).list().stream().map(EnrollmentToken::group).anyMatch(name::equals)
        || new RocksEndpointStore(storage).list().stream().map(Endpoint::group).anyMatch(name::equals);
  }
}
