package dev.convoy.server;

import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.endpoint.Presence;
import dev.convoy.server.enrollment.EnrollmentService;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.grpc.AdminGrpcService;
import dev.convoy.server.grpc.AgentGrpcService;
import dev.convoy.server.grpc.AuthInterceptor;
import dev.convoy.server.grpc.EnrollmentGrpcService;
import dev.convoy.server.grpc.SessionHub;
import dev.convoy.server.people.PersonService;
import dev.convoy.server.pki.CaEndpointCertificateIssuer;
import dev.convoy.server.pki.ServerPki;
import dev.convoy.server.storage.rocksdb.RocksEndpointStore;
import dev.convoy.server.storage.file.FileContentStore;
import dev.convoy.server.storage.rocksdb.RocksPersonStore;
import dev.convoy.server.storage.rocksdb.RocksReleaseStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.server.storage.rocksdb.RocksTokenStore;
import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.Identity;
import dev.convoy.transport.TlsContexts;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.netty.handler.ssl.ClientAuth;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Convoy server: the composition root that wires storage, PKI, domain services and gRPC services, and
 * owns their lifecycle. {@code ServerMain run} uses it; tests embed it (listen on {@code 127.0.0.1:0}, then
 * {@link #port()}).
 *
 * <p>Thread-safe. {@link #stop()} is idempotent: it ends agent sessions, stops gRPC (running calls get
 * {@link ServerConfig#shutdownGrace()}), then closes the database.
 */
public final class ConvoyServer implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(ConvoyServer.class);

  private final ServerConfig config;
  private final ServerPki pki;
  private final RocksStorage storage;
  private final SessionHub hub;
  private final HealthStatusManager health = new HealthStatusManager();
  private final Server server;
  private boolean stopped;

  private ConvoyServer(ServerConfig config, Clock clock) throws IOException {
    this.config = config;
    DataDirectory dir = new DataDirectory(config.dataDirectory());
    if (dir.initialisationMarker().isEmpty()) {
      throw ConvoyException.failedPrecondition(dir.root() + " is not initialised (expected: convoy-server init --data "
          + dir.root() + " first)");
    }
    pki = ServerPki.load(dir.pki(), clock);
    storage = RocksStorage.open(dir.database());
    try {
      Presence presence = new Presence();
      var endpointStore = new RocksEndpointStore(storage);
      EndpointService endpoints = new EndpointService(endpointStore, storage, presence, clock);
      PersonService people = new PersonService(new RocksPersonStore(storage), storage);
      EnrollmentService enrollment = new EnrollmentService(new RocksTokenStore(storage), endpointStore,
          new CaEndpointCertificateIssuer(pki.ca()), storage, clock);
      CatalogueService catalogue = new CatalogueService(new RocksReleaseStore(storage),
          new FileContentStore(dir.content()), storage, clock, config.chunkSize());
      hub = new SessionHub(endpoints);
      List<BindableService> services = List.of(
          new EnrollmentGrpcService(enrollment),
          new AgentGrpcService(endpoints, hub),
          new AdminGrpcService(enrollment, endpoints, catalogue),
          health.getHealthService(),
          ProtoReflectionServiceV1.newInstance());
      server = build(config, pki.serverIdentity(), services, new AuthInterceptor(endpoints, people, clock));
      server.start();
      writePortFile(dir);
    } catch (IOException | RuntimeException e) {
      storage.close();
      throw e;
    }
    health.setStatus("", ServingStatus.SERVING);
    logger.info("listening address={} caFingerprint={}", address(), pki.caFingerprint());
  }

  /**
   * Starts a server for an initialised data directory.
   *
   * @throws ConvoyException FAILED_PRECONDITION if the directory is not initialised or its PKI unreadable;
   *     UNAVAILABLE if its database is held by another process
   * @throws IOException if the address cannot be bound
   */
  public static ConvoyServer start(ServerConfig config, Clock clock) throws IOException {
    return new ConvoyServer(config, clock);
  }

  private static Server build(ServerConfig config, Identity identity, List<BindableService> services,
      AuthInterceptor auth) {
    NettyServerBuilder builder = NettyServerBuilder.forAddress(config.listen().toSocketAddress())
        .sslContext(TlsContexts.server(identity, ClientAuth.OPTIONAL))
        .maxInboundMessageSize(config.maxInboundMessageBytes())
        .permitKeepAliveTime(config.permitKeepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
        .permitKeepAliveWithoutCalls(true)
        // Server-side pings find agents that vanished without closing their session stream.
        .keepAliveTime(2, TimeUnit.MINUTES)
        .keepAliveTimeout(20, TimeUnit.SECONDS);
    for (BindableService service : services) {
      builder.addService(ServerInterceptors.intercept(service, auth));
    }
    return builder.build();
  }

  private void writePortFile(DataDirectory dir) throws IOException {
    var temp = Files.createTempFile(dir.root(), "server.port", ".tmp");
    Files.writeString(temp, port() + "\n", StandardCharsets.US_ASCII);
    Files.move(temp, dir.portFile(), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** The bound port (useful when listening on port 0). */
  public int port() {
    return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
  }

  /** The bound address, e.g. {@code 127.0.0.1:40123}. */
  public ListenAddress address() {
    return new ListenAddress(config.listen().host(), port());
  }

  /** The fingerprint agents pin at enrollment. */
  public Fingerprint caFingerprint() {
    return pki.caFingerprint();
  }

  /** Blocks until the server has stopped. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /** Stops serving and closes the database; idempotent. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    health.enterTerminalState();
    hub.closeAll();
    server.shutdown();
    try {
      if (!server.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    storage.close();
    try {
      Files.deleteIfExists(new DataDirectory(config.dataDirectory()).portFile());
    } catch (IOException e) {
      logger.warn("cannot delete port file reason={}", e.getMessage());
    }
    logger.info("stopped");
  }

  @Override
  public void close() {
    stop();
  }
}
