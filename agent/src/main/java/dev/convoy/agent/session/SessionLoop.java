package dev.convoy.agent.session;

import dev.convoy.agent.deployment.DesiredState;
import dev.convoy.agent.deployment.ServerApi;
import dev.convoy.agent.deployment.ServerException;
import dev.convoy.agent.inventory.InventoryReport;
import dev.convoy.agent.inventory.InventoryReporter;
import dev.convoy.agent.inventory.ReportReason;
import dev.convoy.agent.retry.Backoff;
import dev.convoy.agent.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the session stream to the server open, on its own thread. Each connect sends Hello, then calls Sync; a
 * successful Sync is what counts as connected (it resets the backoff) and is followed by an inventory report.
 * While connected: Sync on every RevisionReady hint newer than the revision it has, a full inventory report on InventoryRequest, the inventory
 * reports asked for with {@link #inventoryDue} (schedule, install, uninstall), a Ping every {@code pingInterval}.
 * Every inventory report goes through the {@link InventoryReporter} on this loop's thread, so reports never
 * overlap. When the stream ends or a call fails, it reconnects after a full-jitter exponential
 * backoff; after losing a session that had been up for {@link #HEALTHY_SESSION}, with the backoff's fast phase
 * ({@link Backoff#resetAfterHealthySession()}). Hints are only hints: every connect syncs, so a lost one costs nothing.
 *
 * <p>Thread-safe: {@link #start()} and {@link #close()} may be called from any thread.
 */
public final class SessionLoop implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(SessionLoop.class);
  /**
   * A session up at least this long was healthy: losing it means a server restart or a network fault, not a server
   * that fails its sessions, and the reconnect starts with the backoff's fast phase.
   */
  static final Duration HEALTHY_SESSION = Duration.ofSeconds(30);

  private final SessionConfig config;
  private final SessionConnector connector;
  private final ServerApi server;
  private final Consumer<DesiredState> desiredStates;
  private final InventoryReporter inventory;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Thread thread;
  private volatile boolean stopped;
  private volatile long knownRevision;
  private volatile BlockingQueue<Event> current; // events of the open connection, null between connections
  private Instant connectedAt; // when the last connection synced; null if it did not (loop thread only)

  /**
   * @param desiredStates receives every synced desired state (the reconciler)
   * @param inventory decides and sends inventory reports (full or delta)
   * @param backoff reconnect delays; owned by this loop from now on
   */
  public SessionLoop(SessionConfig config, SessionConnector connector, ServerApi server,
      Consumer<DesiredState> desiredStates, InventoryReporter inventory, Backoff backoff, Sleeper sleeper,
      Clock clock) {
    this.config = config;
    this.connector = connector;
    this.server = server;
    this.desiredStates = desiredStates;
    this.inventory = inventory;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.clock = clock;
    this.thread = new Thread(this::run, "convoy-session");
    this.thread.setDaemon(true);
  }

  /** Starts connecting. */
  public void start() {
    thread.start();
  }

  /** The revision of the last synced desired state (0 before the first sync). */
  public long knownRevision() {
    return knownRevision;
  }

  /**
   * Asks for an inventory report to be sent soon, on this loop's thread: after an install or uninstall, or when
   * the schedule says so. Dropped while disconnected: every connect sends one anyway.
   */
  public void inventoryDue(ReportReason reason) {
    BlockingQueue<Event> events = current;
    if (events != null) {
      events.add(new InventoryDue(reason));
    }
  }

  /**
   * Asks for a sync soon, on this loop's thread (every maintenance window the server listed is over). Dropped while
   * disconnected: every connect syncs anyway.
   */
  public void syncDue() {
    BlockingQueue<Event> events = current;
    if (events != null) {
      events.add(new SyncDue());
    }
  }

  /** Closes the stream and stops reconnecting. */
  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (!stopped) {
      try {
        connectAndServe();
      } catch (InterruptedException e) {
        return;
      } catch (ServerException e) {
        logger.warn("session lost code={} reason=\"{}\"", e.code(), e.getMessage());
      } catch (RuntimeException e) {
        logger.error("session failed unexpectedly", e);
      }
      if (connectedAt != null && !clock.instant().isBefore(connectedAt.plus(HEALTHY_SESSION))) {
        backoff.resetAfterHealthySession();
      }
      connectedAt = null;
      if (!pause()) {
        return;
      }
    }
  }

  private boolean pause() {
    if (stopped) {
      return false;
    }
    Duration delay = backoff.next();
    logger.info("session reconnecting retry_in_ms={}", delay.toMillis());
    try {
      sleeper.sleep(delay);
      return !stopped;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private void connectAndServe() throws InterruptedException {
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    current = events;
    try (SessionChannel channel = connector.open(
        new Hello(config.endpointId(), config.agentVersion(), knownRevision), new Listener(events))) {
      sync("connect");
      backoff.reset();
      connectedAt = clock.instant();
      logger.info("session connected endpoint={} revision={}", config.endpointId(), knownRevision);
      if (config.inventoryOnConnect()) {
        sendInventory(ReportReason.CONNECT);
      }
      serve(channel, events);
    } finally {
      current = null;
    }
  }

  private void serve(SessionChannel channel, BlockingQueue<Event> events) throws InterruptedException {
    long interval = config.pingInterval().toNanos();
    long nextPing = System.nanoTime() + interval;
    while (!stopped) {
      Event event = events.poll(Math.max(0, nextPing - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (event == null) {
        channel.ping(clock.instant());
        nextPing = System.nanoTime() + interval;
      } else if (event instanceof RevisionReady hint) {
        if (hint.revision() > knownRevision) {
          sync("hint revision=" + hint.revision());
        } else {
          // queued while an earlier Sync ran, which already brought this revision or a later one
          logger.debug("hint skipped revision={} known={}", hint.revision(), knownRevision);
        }
      } else if (event instanceof SyncDue) {
        sync("due");
      } else if (event instanceof InventoryDue due) {
        sendInventory(due.reason());
      } else if (event instanceof Closed closed) {
        if (closed.cause() == null) {
          logger.info("session closed by the server");
          return;
        }
        throw closed.cause() instanceof ServerException e ? e
            : new ServerException(ServerException.Code.OTHER, String.valueOf(closed.cause()), closed.cause());
      }
    }
  }

  private void sync(String reason) {
    DesiredState desired = server.sync(knownRevision);
    knownRevision = desired.revision();
    logger.info("synced reason=\"{}\" revision={} deployments={}", reason, desired.revision(), desired.deployments().size());
    desiredStates.accept(desired);
  }

  private void sendInventory(ReportReason reason) {
    try {
      for (InventoryReport report : inventory.report(reason)) {
        logger.info("inventory sent reason={} kind={} facts={} removed={} sha256={}", report.reason().wireName(),
            report.full() ? "full" : "delta", report.body().factCount(),
            report.body() instanceof InventoryReport.Delta delta ? delta.removed().size() : 0,
            report.inventorySha256());
      }
    } catch (ServerException e) {
      logger.warn("inventory not sent reason={} code={} detail=\"{}\"", reason.wireName(), e.code(), e.getMessage());
    } catch (RuntimeException e) {
      logger.error("inventory report failed reason={}", reason.wireName(), e); // a bug: keep the session
    }
  }

  private interface Event {}

  private record RevisionReady(long revision) implements Event {}

  private record SyncDue() implements Event {}

  private record InventoryDue(ReportReason reason) implements Event {}

  private record Closed(Throwable cause) implements Event {}

  /** Turns stream callbacks (transport threads) into events for this connection's queue. */
  private record Listener(BlockingQueue<Event> events) implements SessionListener {
    @Override
    public void revisionReady(long revision) {
      events.add(new RevisionReady(revision));
    }

    @Override
    public void inventoryRequested() {
      events.add(new InventoryDue(ReportReason.SERVER_REQUEST));
    }

    @Override
    public void closed(Throwable cause) {
      events.add(new Closed(cause));
    }
  }
}
