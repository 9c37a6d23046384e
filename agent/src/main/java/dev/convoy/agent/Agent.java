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
import dev.convoy.agent.deployment.CampaignPorts;
import dev.convoy.agent.deployment.DeploymentAction;
import dev.convoy.agent.local.LocalRequestHandler;
import dev.convoy.agent.local.LocalSocketServer;
import dev.convoy.agent.notice.NoticeBook;
import dev.convoy.agent.notice.Notices;
import dev.convoy.agent.notice.NotifySend;
import dev.convoy.agent.process.CommandRunner;
import dev.convoy.agent.technician.InstallOutputSender;
import dev.convoy.agent.technician.TechnicianCodeCommand;
import dev.convoy.agent.technician.TechnicianVisits;
import dev.convoy.agent.process.Executables;
import dev.convoy.agent.grpc.AgentConnection;
import dev.convoy.agent.grpc.ProtoInventoryHasher;
import dev.convoy.agent.inventory.ExecutorScheduler;
import dev.convoy.agent.inventory.InventoryCollector;
import dev.convoy.agent.inventory.InventoryReporter;
import dev.convoy.agent.inventory.InventorySchedule;
import dev.convoy.agent.inventory.ReportReason;
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
 * reconciler (with downloader and installers), the session loop, the inventory reporter and its schedule. Part of the composition root
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
  private final InventorySchedule schedule;
  private final ExecutorScheduler scheduler;
  private final ExecutorScheduler rechecks;
  private final LocalSocketServer local;
  private final dev.convoy.agent.training.TrainingReporter trainingReporter;

  private Agent(AgentConnection connection, ReportOutbox outbox, Reconciler reconciler, SessionLoop session,
      InventorySchedule schedule, ExecutorScheduler scheduler, ExecutorScheduler rechecks, LocalSocketServer local,
      dev.convoy.agent.training.TrainingReporter trainingReporter) {
    this.trainingReporter = trainingReporter;
    this.rechecks = rechecks;
    this.local = local;
    this.connection = connection;
    this.outbox = outbox;
    this.reconciler = reconciler;
    this.session = session;
    this.schedule = schedule;
    this.scheduler = scheduler;
  }

  /** Wires and starts everything with the installers module's backends and lifecycle. */
  static Agent start(AgentConfig config, Identity identity, Clock clock) {
    return start(config, identity, clock,
        new InstallStep(Installers::forType, Lifecycle::install, Lifecycle::uninstall, config.dataDir().managed(),
            config.siteParameters()));
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
    ExecutorScheduler rechecks = new ExecutorScheduler("convoy-gate-recheck");
    NoticeBook noticeBook = new NoticeBook(dir.notices());
    String bus = System.getenv(Notices.BUS_VARIABLE);
    Notices notices = new Notices(noticeBook, new NotifySend(new CommandRunner(), Executables.system(), bus),
        System.getenv());
    TechnicianVisits visits = new TechnicianVisits(noticeBook, new NotifySend(new CommandRunner(),
        Executables.system(), bus), bus != null && !bus.isBlank(), clock);
    InstallOutputSender outputSender = new InstallOutputSender(connection.installOutputApi()).start();
    InventoryCollector collector = InventorySetup.collector(config, journal::managedPackages, clock);
    Reconciler reconciler = new Reconciler(journal, outbox, downloader, installStep, dir::work,
        new Backoff(config.backoffInitial(), config.backoffMax(), random), clock,
        action -> sessionRef.get().inventoryDue(
            action == DeploymentAction.UNINSTALL ? ReportReason.UNINSTALL : ReportReason.INSTALL),
        new CampaignPorts(server, notices, rechecks, () -> sessionRef.get().syncDue(), null,
            paths -> InventorySetup.facts(collector, paths), outputSender::line));
    InventoryReporter reporter = new InventoryReporter(collector::collect, new ProtoInventoryHasher(),
        server::reportInventory);
    SessionLoop session = new SessionLoop(
        new SessionConfig(config.endpointId(), AgentVersion.current(), config.pingInterval(), config.inventoryOnConnect()),
        connection.sessionConnector(), server, desired -> {
          visits.observe(desired.technicianVisits());
          outputSender.watch(technicianJobs(desired));
          reconciler.offer(desired);
        }, reporter,
        new Backoff(config.backoffInitial(), config.backoffMax(), random), Sleeper.SYSTEM, clock);
    sessionRef.set(session);
    ExecutorScheduler scheduler = new ExecutorScheduler("convoy-inventory-schedule");
    InventorySchedule schedule = new InventorySchedule(config.inventoryInterval(), InventorySchedule.DEFAULT_JITTER,
        random::nextDouble, clock, scheduler, () -> session.inventoryDue(ReportReason.SCHEDULE));
    logger.info("agent starting endpoint={} server={} data={} version={} download_rate_limit={} inventory_interval={}",
        config.endpointId(), config.server(), dir.root(), AgentVersion.current(), config.downloadRateLimit(),
        config.inventoryInterval());
    outbox.start();
    reconciler.start();
    var releasesHere = new dev.convoy.agent.documents.WorkstationReleases(journal);
    var userDocs = new dev.convoy.agent.documents.UserDocuments(releasesHere, connection.knowledge(),
        downloader::payloadPath);
    var trainingJournal = new dev.convoy.agent.training.TrainingJournal(dir.root().resolve("training.json"));
    var trainingReporter = new dev.convoy.agent.training.TrainingReporter(trainingJournal, connection.knowledge(),
        new Backoff(config.backoffInitial(), config.backoffMax(), random));
    trainingReporter.start();
    LocalRequestHandler handler = new LocalRequestHandler(reconciler.selfService(), noticeBook,
        new TechnicianCodeCommand(visits));
    handler.register("docs", new dev.convoy.agent.documents.DocsLocalCommand(userDocs));
    handler.register("training", new dev.convoy.agent.training.TrainingLocalCommand(
        new dev.convoy.agent.training.WorkstationTraining(releasesHere, userDocs, trainingJournal, trainingReporter,
            connection.knowledge(), clock)));
    LocalSocketServer local = LocalSocketServer.start(dir.socket(), handler);
    session.start();
    schedule.start();
    return new Agent(connection, outbox, reconciler, session, schedule, scheduler, rechecks, local, trainingReporter);
  }

  /** The technician jobs of a desired state and their attempts: whose install output is streamed live. */
  private static java.util.Map<String, Integer> technicianJobs(dev.convoy.agent.deployment.DesiredState desired) {
    java.util.Map<String, Integer> jobs = new java.util.HashMap<>();
    desired.deployments().stream()
        .filter(spec -> spec.terms().execution() == dev.convoy.agent.deployment.Execution.TECHNICIAN)
        .forEach(spec -> jobs.put(spec.deploymentId(), spec.attempt()));
    return jobs;
  }

  /** Stops connecting, stops the worker (journaled states stay), stops sending, closes the channel. */
  @Override
  public void close() {
    logger.info("agent stopping");
    local.close();
    trainingReporter.close();
    schedule.close();
    scheduler.close();
    rechecks.close();
    session.close();
    reconciler.close();
    outbox.close();
    connection.close();
    logger.info("agent stopped");
  }
}
