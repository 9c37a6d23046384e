package dev.convoy.agent;

import dev.convoy.agent.config.AgentConfig;
import dev.convoy.agent.config.DataDir;
import dev.convoy.agent.deployment.DeploymentJournal;
import dev.convoy.agent.deployment.InstallStep;
import dev.convoy.agent.deployment.Reconciler;
import dev.convoy.agent.deployment.ReportOutbox;
import dev.convoy.agent.deployment.ServerApi;
import dev.convoy.agent.download.ChunkedDownloader;
import dev.convoy.agent.download.RateLimiter;
import dev.convoy.agent.grpc.AgentConnection;
import dev.convoy.agent.inventory.InventoryCollector;
import dev.convoy.agent.inventory.OsRelease;
import dev.convoy.agent.retry.Backoff;
import dev.convoy.agent.retry.Sleeper;
import dev.convoy.agent.session.SessionConfig;
import dev.convoy.agent.session.SessionLoop;
import dev.convoy.installers.Installers;
import dev.convoy.installers.Lifecycle;
import dev.convoy.transport.Identity;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running agent, wired from its configuration: one mTLS connection, the journal, the report outbox, the
 * reconciler (with downloader and installers) and the session loop. Part of the composition root
 * ({@link AgentMain}): the only code that creates these objects.
 *
 * <p>Thread-safe: {@link #close()} may be called from a shutdown hook.
 */
final class Agent implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(Agent.class);

  private final AgentConnection connection;
  private final ReportOutbox outbox;
  private final Reconciler reconciler;
  private final SessionLoop session;

  private Agent(AgentConnection connection, ReportOutbox outbox, Reconciler reconciler, SessionLoop session) {
    this.connection = connection;
    this.outbox = outbox;
    this.reconciler = reconciler;
    this.session = session;
  }

  /** Wires and starts everything with the installers module's backends and lifecycle. */
  static Agent start(AgentConfig config, Identity identity, Clock clock) {
    return start(config, identity, clock,
        new InstallStep(Installers::forType, Lifecycle::install, Lifecycle::uninstall, config.dataDir().managed()));
  }

  /** Wires and starts everything: resumes journaled deployments, then connects. */
  static Agent start(AgentConfig config, Identity identity, Clock clock, InstallStep installStep) {
    DataDir dir = config.dataDir();
    Random random = new Random();
    AgentConnection connection = AgentConnection.open(config.server(), identity, config.endpointId());
    ServerApi server = connection.serverApi();
    DeploymentJournal journal = new DeploymentJournal(dir.journal());
    ReportOutbox outbox = new ReportOutbox(server, journal,
        () -> new Backoff(config.backoffInitial(), config.backoffMax(), random), Sleeper.SYSTEM);
    ChunkedDownloader downloader = new ChunkedDownloader(dir.downloads(), server,
        RateLimiter.of(config.downloadRateLimit()));
    AtomicReference<SessionLoop> sessionRef = new AtomicReference<>();
    Reconciler reconciler = new Reconciler(journal, outbox, downloader, installStep, dir::work,
        new Backoff(config.backoffInitial(), config.backoffMax(), random), clock,
        () -> sessionRef.get().inventoryChanged());
    InventoryCollector inventory = new InventoryCollector(OsRelease.DEFAULT_FILE, AgentVersion.current(),
        journal::managedPackages, clock);
    SessionLoop session = new SessionLoop(
        new SessionConfig(config.endpointId(), AgentVersion.current(), config.pingInterval(), config.inventoryOnConnect()),
        connection.sessionConnector(), server, reconciler::offer, inventory::collect,
        new Backoff(config.backoffInitial(), config.backoffMax(), random), Sleeper.SYSTEM, clock);
    sessionRef.set(session);
    logger.info("agent starting endpoint={} server={} data={} version={} download_rate_limit={}",
        config.endpointId(), config.server(), dir.root(), AgentVersion.current(), config.downloadRateLimit());
    outbox.start();
    reconciler.start();
    session.start();
    return new Agent(connection, outbox, reconciler, session);
  }

  /** Stops connecting, stops the worker (journaled states stay), stops sending, closes the channel. */
  @Override
  public void close() {
    logger.info("agent stopping");
    session.close();
    reconciler.close();
    outbox.close();
    connection.close();
    logger.info("agent stopped");
  }
}
