package dev.convoy.server;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.pki.ServerPki;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.HandshakeGate;
import dev.convoy.transport.TlsContexts;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
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
  /**
   * TLS handshakes admitted at once per core; connections beyond are closed before TLS ({@link HandshakeGate}). A
   * handshake in flight is waiting either for CPU (1–3 ms of it, warm) or for its client's next flight; 256 per core
   * keeps a CPU-bound queue around half a second, far below the 10 s handshake timeout even on a cold or starved
   * server, while slow clients (loaded machines, long round trips) do not idle the server's cores. 64 per core
   * refused most of a 200-at-once connect burst on a busy machine (connect-all 17.6 s → 76 s at 2,000 agents).
   */
  static final int HANDSHAKES_PER_CORE = 256;
  private final ServerConfig config;
  private final ServerPki pki;
  private final RocksStorage storage;
  private final ExecutorService watchExecutor;
  private final ExecutorService callExecutor = CallExecutor.create();
  private final HealthStatusManager health = new HealthStatusManager();
  private final ServerComponents components;
  /** Event loops of the listening socket and of the connections (TLS, HTTP/2); ours, so they end with the server. */
  private final EventLoopGroup boss = eventLoops("grpc-nio-boss-ELG", 1);
  private final EventLoopGroup workers = eventLoops("grpc-nio-worker-ELG", 0);
  private final HandshakeGate handshakes = new HandshakeGate(
      HANDSHAKES_PER_CORE * Math.max(1, Runtime.getRuntime().availableProcessors()));
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
      boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
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
      components.agentGrpc().acceptSessionReports(callExecutor);
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
      boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
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
        .channelFactory(handshakes.nioServerChannels())
        .bossEventLoopGroup(boss)
        .workerEventLoopGroup(workers)
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

  private static EventLoopGroup eventLoops(String name, int threads) {
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), NioIoHandler.newFactory());
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

  /**
   * Stops serving and closes the database; idempotent. Agents' sessions end with UNAVAILABLE at once (they
   * reconnect with their backoff); running calls get up to {@link ServerConfig#shutdownGrace()} to finish; idle
   * connections are then closed without waiting for each client's part of the graceful HTTP/2 close (a GOAWAY, a
   * ping round trip, a second GOAWAY per connection: seconds with 10,000 agents on a busy machine). Every call
   * handler has returned before the database closes, so a write that a handler started is completed (and
   * acknowledged, or retried by its caller, idempotently) rather than cut off.
   */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    long begin = System.nanoTime();
    logger.info("stopping sessions={}", components.hub().size());
    health.enterTerminalState();
    components.campaigns().scheduler().close();
    components.guard().close();
    // Stop taking connections and calls first (GOAWAY), then end the streams: ended the other way round, every
    // agent reconnects its session on the still-open connection at once.
    server.shutdown();
    components.hub().closeAll();
    components.adminGrpc().closeWatches();
    endTransports();
    long transportsMillis = (System.nanoTime() - begin) / 1_000_000;
    watchExecutor.shutdownNow();
    drainCalls();
    boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    components.outbox().close();
    storage.close();
    try {
      Files.deleteIfExists(new DataDirectory(config.dataDirectory()).portFile());
    } catch (IOException e) {
      logger.warn("cannot delete port file reason={}", e.getMessage());
    }
    logger.info("stopped elapsedMs={} transportsEndedMs={}", (System.nanoTime() - begin) / 1_000_000,
        transportsMillis);
  }

  /** Waits (up to the grace) until no call is running, then closes what connections are left. */
  private void endTransports() {
    long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
    try {
      while (!server.isTerminated() && !CallExecutor.isIdle(callExecutor) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      if (!CallExecutor.isIdle(callExecutor)) {
        logger.warn("stopping: calls still running after graceMs={}: cancelled", config.shutdownGrace().toMillis());
      }
      server.shutdownNow();
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Lets the handlers still running (a cancelled call's handler runs on) return before the database closes: no
   * interrupt, so none gives up a write half-way.
   */
  private void drainCalls() {
    callExecutor.shutdown();
    try {
      if (!callExecutor.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        logger.warn("stopping: call handlers still running after graceMs={}", config.shutdownGrace().toMillis());
        callExecutor.shutdownNow();
        callExecutor.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      callExecutor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
