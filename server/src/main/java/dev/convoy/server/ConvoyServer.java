package dev.convoy.server;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.pki.ServerPki;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.TlsContexts;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Convoy server: opens the data directory (PKI, RocksDB, content store), wires the services
 * ({@link ServerComponents}) and serves them on one TLS 1.3 port with optional client authentication.
 * {@code ServerMain run} uses it; tests embed it (listen on {@code 127.0.0.1:0}, then {@link #port()}).
 *
 * <p>Thread-safe. {@link #stop()} is idempotent: it ends agent sessions and campaign watches, stops gRPC (running
 * calls get {@link ServerConfig#shutdownGrace()}), then closes the database.
 */
public final class ConvoyServer implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(ConvoyServer.class);

  /** How often due campaign timers (start times, soak ends, timeouts, retries) are looked for. */
  static final java.time.Duration TIMER_PERIOD = java.time.Duration.ofSeconds(1);
  /** How often open streams are checked for revoked callers and expired certificates. */
  static final java.time.Duration STREAM_SWEEP_PERIOD = java.time.Duration.ofSeconds(2);
  private final ServerConfig config;
  private final ServerPki pki;
  private final RocksStorage storage;
  private final ExecutorService watchExecutor;
  private final ExecutorService callExecutor = CallExecutor.create();
  private final HealthStatusManager health = new HealthStatusManager();
  private final ServerComponents components;
  private final Server server;
  private boolean stopped;

  private ConvoyServer(ServerConfig config, Clock clock) throws IOException {
    this.config = config;
    DataDirectory dir = new DataDirectory(config.dataDirectory());
    if (dir.initialisationMarker().isEmpty()) {
      throw ConvoyException.failedPrecondition(dir.root() + " is not initialised (expected: convoy-server init --data "
          + dir.root() + " first)");
    }
    // RocksDB (native library, column families, WAL replay) opens on its own thread while this one reads the PKI
    // and builds the TLS context: the two are independent and each is a large share of the start.
    StorageOpening opening = StorageOpening.start(dir.database());
    SslContext tls;
    try {
      pki = ServerPki.load(dir.pki(), clock);
      tls = TlsContexts.server(pki.serverIdentity(), ClientAuth.OPTIONAL);
    } catch (RuntimeException | Error e) {
      opening.abandon();
      throw e;
    }
    storage = opening.await();
    watchExecutor = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "convoy-watch");
      thread.setDaemon(true);
      return thread;
    });
    ServerComponents wired = null;
    try {
      wired = ServerComponents.wire(config, pki, storage, clock, watchExecutor);
      components = wired;
      components.campaigns().campaigns().recover();
      components.campaigns().scheduler().tick();
      components.campaigns().scheduler().start(TIMER_PERIOD);
      components.outbox().start();
      server = build(tls, List.of(components.enrollmentGrpc(), components.agentGrpc(), components.adminGrpc(),
          health.getHealthService(), ProtoReflectionServiceV1.newInstance()));
      server.start();
      writePortFile(dir);
    } catch (IOException | RuntimeException e) {
      watchExecutor.shutdownNow();
      callExecutor.shutdownNow();
      if (wired != null) {
        wired.outbox().close();
      }
      storage.close();
      throw e;
    }
    components.guard().start(STREAM_SWEEP_PERIOD);
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

  private Server build(SslContext tls, List<BindableService> services) {
    NettyServerBuilder builder = NettyServerBuilder.forAddress(config.listen().toSocketAddress())
        .sslContext(tls)
        .maxInboundMessageSize(config.inboundMessageLimit())
        .permitKeepAliveTime(config.permitKeepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
        .permitKeepAliveWithoutCalls(true)
        // Server-side pings find agents that vanished without closing their session stream.
        .keepAliveTime(2, TimeUnit.MINUTES)
        .keepAliveTimeout(20, TimeUnit.SECONDS)
        .executor(callExecutor);
    for (BindableService service : services) {
      // Interceptors run last-listed first: auth establishes the caller, then audit records what it changed.
      builder.addService(service == components.adminGrpc()
          ? ServerInterceptors.intercept(service, components.audit(), components.auth())
          : ServerInterceptors.intercept(service, components.auth()));
    }
    return builder.build();
  }

  private void writePortFile(DataDirectory dir) throws IOException {
    var temp = Files.createTempFile(dir.root(), "server.port", ".tmp");
    Files.writeString(temp, port() + "\n", StandardCharsets.US_ASCII);
    Files.move(temp, dir.portFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
    components.campaigns().scheduler().close();
    components.guard().close();
    // Stop taking connections and calls first (GOAWAY), then end the streams: ended the other way round, every
    // agent reconnects its session on the still-open connection at once, and those calls hold the shutdown up
    // until the grace period runs out (6 s to stop with 10,000 agents connected).
    server.shutdown();
    components.hub().closeAll();
    components.adminGrpc().closeWatches();
    try {
      if (!server.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    watchExecutor.shutdownNow();
    callExecutor.shutdownNow();
    components.outbox().close();
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
