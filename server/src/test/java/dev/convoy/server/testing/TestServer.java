package dev.convoy.server.testing;

import com.google.protobuf.ByteString;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.CreateEnrollmentTokenRequest;
import dev.convoy.protocol.v1.EnrollRequest;
import dev.convoy.protocol.v1.EnrollResponse;
import dev.convoy.protocol.v1.EnrollmentServiceGrpc;
import dev.convoy.server.ConvoyServer;
import dev.convoy.server.ListenAddress;
import dev.convoy.server.ServerConfig;
import dev.convoy.server.ServerInitializer;
import dev.convoy.server.audit.AuditLog;
import dev.convoy.server.people.Person;
import dev.convoy.server.people.PersonService;
import dev.convoy.server.people.Role;
import dev.convoy.server.pki.ServerPki;
import dev.convoy.server.storage.rocksdb.RocksAuditStore;
import dev.convoy.server.storage.rocksdb.RocksPersonStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import java.util.Set;
import dev.convoy.transport.Csr;
import dev.convoy.transport.Identity;
import dev.convoy.transport.KeyPairs;
import dev.convoy.transport.Pem;
import io.grpc.ManagedChannel;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A real server for tests: an initialised data directory, {@link ConvoyServer} on 127.0.0.1 port 0 with real mTLS,
 * an injected {@link MutableClock}, and helpers that act as the admin or as enrolled agents.
 */
public final class TestServer implements AutoCloseable {
  public final Path dir;
  public final MutableClock clock;
  public final Identity admin;
  private final UnaryOperator<ServerConfig> configure;
  private final List<ManagedChannel> channels = new ArrayList<>();
  private ConvoyServer server;

  private TestServer(Path dir, MutableClock clock, UnaryOperator<ServerConfig> configure) throws IOException {
    this.dir = dir;
    this.clock = clock;
    this.configure = configure;
    ServerInitializer.init(dir, List.of(), ListenAddress.parse("127.0.0.1:0"), clock);
    admin = Identity.load(dir.resolve("admin.pem"));
    server = ConvoyServer.start(config(), clock);
  }

  public static TestServer start(Path dir) throws IOException {
    return new TestServer(dir, new MutableClock(), UnaryOperator.identity());
  }

  public static TestServer start(Path dir, UnaryOperator<ServerConfig> configure) throws IOException {
    return new TestServer(dir, new MutableClock(), configure);
  }

  private ServerConfig config() {
    return configure.apply(ServerConfig.load(dir).withShutdownGrace(Duration.ofMillis(200)));
  }

  public ConvoyServer server() {
    return server;
  }

  public int port() {
    return server.port();
  }

  /** Stops the server (closing its database) and starts a new one on the same directory. */
  public void restart() throws IOException {
    closeChannels();
    server.stop();
    server = ConvoyServer.start(config(), clock);
  }

  /**
   * Registers another person with role admin, the way {@code convoy-server init} registers the first (certificate
   * from the server's CA, serial bound to the person), and returns their identity. Restarts the server: the
   * database has one owner.
   */
  public Identity addAdmin(String name) throws IOException {
    closeChannels();
    server.stop();
    Identity person = ServerPki.load(dir.resolve("pki"), clock).issuePersonIdentity(name);
    try (RocksStorage storage = RocksStorage.open(dir.resolve("db"))) {
      new PersonService(new RocksPersonStore(storage), new AuditLog(new RocksAuditStore(storage), storage, clock),
          clock).register(new Person(name, person.subject(), Set.of(Role.ADMIN), clock.instant(),
              person.certificate().getSerialNumber().toString(16)), "test");
    }
    server = ConvoyServer.start(config(), clock);
    return person;
  }

  /**
   * Registers a person with {@code roles} limited to {@code scopes} (empty = every endpoint), as {@link #addAdmin}
   * does, and returns their identity. Restarts the server.
   */
  public Identity personWithRoles(String name, Set<Role> roles, Set<String> scopes) throws IOException {
    Identity person = ServerPki.load(dir.resolve("pki"), clock).issuePersonIdentity(name);
    whileStopped(storage -> new PersonService(new RocksPersonStore(storage),
        new AuditLog(new RocksAuditStore(storage), storage, clock), clock)
        .register(new Person(name, person.subject(), roles, scopes, "", clock.instant(),
            Set.of(person.certificate().getSerialNumber().toString(16)), null), "test"));
    return person;
  }

  public AdminServiceGrpc.AdminServiceBlockingStub adminStub(Identity person) {
    return AdminServiceGrpc.newBlockingStub(channel(person)).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /**
   * Stops the server, lets {@code change} write to its database as another program would (e.g. what an older server
   * version left behind), and starts it again.
   */
  public void whileStopped(StorageChange change) throws IOException {
    closeChannels();
    server.stop();
    try (RocksStorage storage = RocksStorage.open(dir.resolve("db"))) {
      change.apply(storage);
    }
    server = ConvoyServer.start(config(), clock);
  }

  /** A change {@link #whileStopped} makes. */
  @FunctionalInterface
  public interface StorageChange {
    void apply(RocksStorage storage) throws IOException;
  }

  /**
   * Registers persons with the given roles (certificates from the server's CA, as {@link #addAdmin}) and returns
   * their identities by name. Restarts the server once.
   */
  public java.util.Map<String, Identity> addPeople(java.util.Map<String, Set<Role>> people) throws IOException {
    java.util.Map<String, Identity> identities = new java.util.LinkedHashMap<>();
    ServerPki pki = ServerPki.load(dir.resolve("pki"), clock);
    whileStopped(storage -> {
      PersonService service = new PersonService(new RocksPersonStore(storage),
          new AuditLog(new RocksAuditStore(storage), storage, clock), clock);
      people.forEach((name, roles) -> {
        Identity person = pki.issuePersonIdentity(name);
        service.register(new Person(name, person.subject(), roles, clock.instant(),
            person.certificate().getSerialNumber().toString(16)), "test");
        identities.put(name, person);
      });
    });
    return identities;
  }

  public ManagedChannel channel(SslContext tls) {
    ManagedChannel channel = TestTls.channel(port(), tls);
    channels.add(channel);
    return channel;
  }

  public ManagedChannel channel(Identity identity) {
    return channel(TestTls.client(identity, admin.ca()));
  }

  public ManagedChannel anonymousChannel() {
    return channel(TestTls.anonymous(admin.ca()));
  }

  public AdminServiceGrpc.AdminServiceBlockingStub adminStub() {
    return AdminServiceGrpc.newBlockingStub(channel(admin)).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  public AgentServiceGrpc.AgentServiceBlockingStub agentStub(Identity endpoint) {
    return AgentServiceGrpc.newBlockingStub(channel(endpoint)).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** Creates a token for {@code group} as the admin. */
  public String token(String group, int uses) {
    return adminStub().createEnrollmentToken(CreateEnrollmentTokenRequest.newBuilder()
        .setGroup(group).setUses(uses).setTtlSeconds(3600).build()).getToken();
  }

  /** Enrolls a new endpoint in {@code group} the way an agent does; returns its identity. */
  public Identity enroll(String group, String hostname) {
    KeyPair keys = KeyPairs.newP256();
    EnrollResponse response = EnrollmentServiceGrpc.newBlockingStub(anonymousChannel())
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .enroll(EnrollRequest.newBuilder().setToken(token(group, 1)).setHostname(hostname)
            .setCsrDer(ByteString.copyFrom(Csr.create(keys, hostname))).build());
    return new Identity(keys.getPrivate(), Pem.certificate(response.getCertificatePem()),
        Pem.certificate(response.getCaCertificatePem()));
  }

  /** The endpoint id of an endpoint identity ({@code CN=<id>,...}). */
  public static String endpointId(Identity identity) {
    String subject = identity.subject();
    return subject.substring(3, subject.indexOf(','));
  }

  private void closeChannels() {
    for (ManagedChannel channel : channels) {
      channel.shutdownNow();
    }
    for (ManagedChannel channel : channels) {
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    channels.clear();
  }

  @Override
  public void close() {
    closeChannels();
    server.stop();
  }
}
