package dev.convoy.agent.deployment;

import dev.convoy.agent.download.ChunkedDownloader;
import dev.convoy.agent.inventory.Scheduler;
import dev.convoy.agent.retry.Backoff;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the local deployments in line with the server's desired state, one deployment at a time on a single
 * worker thread. A pass first resumes whatever the journal holds in flight (until one pass got through it), then
 * walks every listed deployment that is not terminal locally, under the campaign terms of the latest desired state.
 * A deployment whose gate is closed waits; the reconciler wakes at the earliest instant a waiting gate names (and
 * at every desired state, and when the user asks for something). A deployment the server no longer lists and that
 * has not started installing is cancelled locally (only on a pass over a real desired state). Desired states that
 * arrive while a pass runs are coalesced. A pass cut short by a passing condition (server unreachable) is retried
 * after a jittered backoff.
 *
 * <p>Thread-safe: {@link #offer} and {@link #poke} may be called from any thread.
 */
public final class Reconciler implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(Reconciler.class);

  private final DeploymentJournal journal;
  private final DeploymentRunner runner;
  private final RelationGate relations;
  private final DeploymentLocks locks;
  private final SelfService selfService;
  private final Backoff retryBackoff;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Runnable resyncDue;
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "convoy-deployments");
    thread.setDaemon(true);
    return thread;
  });

  private DesiredState latest;                 // guarded by this
  private CompletableFuture<Void> pending;     // guarded by this: the pass scheduled but not started yet
  private Scheduler.Cancellable recheck;       // guarded by this
  private Instant recheckAt;                   // guarded by this
  private long resyncedRevision = -2;          // guarded by this
  private boolean resumePending = true;        // worker thread only
  private final Function<String, Path> workDirs;

  /**
   * @param workDirs {@code DIR/work/<deployment id>} for a deployment id
   * @param retryBackoff delays the retry of a pass cut short by an unreachable server
   * @param installedChanged told (on the worker thread) with the deployment's action when a deployment ends in
   *     SUCCEEDED or ALREADY_INSTALLED, i.e. when the installed releases (and the inventory) may have changed
   */
  public Reconciler(DeploymentJournal journal, ReportOutbox outbox, ChunkedDownloader downloader,
      InstallStep installStep, Function<String, Path> workDirs, Backoff retryBackoff, Clock clock,
      Consumer<DeploymentAction> installedChanged, CampaignPorts ports) {
    this.journal = journal;
    this.workDirs = workDirs;
    this.retryBackoff = retryBackoff;
    this.clock = clock;
    this.scheduler = ports.scheduler();
    this.resyncDue = ports.resyncDue();
    this.locks = new DeploymentLocks();
    Transitioner transitioner = new Transitioner(journal, outbox, downloader, workDirs, clock, installedChanged,
        ports.logTap());
    SyncReporter reporter = new SyncReporter(ports.server(), outbox, ports.drainTimeout());
    this.relations = new RelationGate(journal, ports.hostFacts());
    this.runner = new DeploymentRunner(journal, downloader, installStep, workDirs, clock, ports.notices(),
        transitioner, reporter, relations);
    this.selfService = new SelfService(journal, locks, reporter, transitioner, clock, this::poke);
    this.outboxForStart = outbox;
  }

  private final ReportOutbox outboxForStart;

  /** The user's side of the deployments (catalogue, install requests, deferrals), for the local socket. */
  public SelfService selfService() {
    return selfService;
  }

  /**
   * Re-queues every journaled state the server has not acknowledged, then resumes the deployments in flight.
   *
   * @return completes when that first pass is over
   */
  public CompletableFuture<Void> start() {
    for (JournalEntry entry : journal.all()) {
      if (entry.unreported()) {
        String excerpt = entry.state().terminal() ? new DeploymentLog(workDirs.apply(entry.deploymentId()), clock).excerpt() : "";
        outboxForStart.enqueue(entry.report(excerpt));
        logger.info("report re-queued deployment={} state={} sequence={}", entry.deploymentId(), entry.state(), entry.sequence());
      }
    }
    return schedule(null);
  }

  /**
   * Takes a new desired state; a pass over it runs as soon as the worker is free.
   *
   * @return completes when the pass that covers {@code desired} is over
   */
  public CompletableFuture<Void> offer(DesiredState desired) {
    return schedule(desired);
  }

  /**
   * Walks the deployments again over the latest desired state (a gate's instant came, the user asked for something).
   *
   * @return completes when that pass is over
   */
  public CompletableFuture<Void> poke() {
    return schedule(null);
  }

  /** When the reconciler wakes next for a waiting deployment, if it does. */
  public synchronized Optional<Instant> nextRecheck() {
    return Optional.ofNullable(recheckAt);
  }

  private synchronized CompletableFuture<Void> schedule(DesiredState desired) {
    if (desired != null) {
      latest = desired;
    }
    if (pending == null) {
      CompletableFuture<Void> next = new CompletableFuture<>();
      try {
        worker.execute(this::runPass);
      } catch (RejectedExecutionException e) {
        next.completeExceptionally(new IllegalStateException("reconciler is closed", e));
        return next;
      }
      pending = next;
    }
    return pending;
  }

  private void runPass() {
    CompletableFuture<Void> done;
    DesiredState desired;
    synchronized (this) {
      done = pending;
      pending = null;
      desired = latest;
    }
    try {
      Pass pass = new Pass();
      boolean complete = pass(desired, pass);
      if (complete) {
        retryBackoff.reset();
      } else if (!worker.isShutdown()) {
        Duration delay = retryBackoff.next();
        logger.info("reconcile pass cut short; retry_in_ms={}", delay.toMillis());
        worker.schedule(() -> schedule(null), delay.toNanos(), TimeUnit.NANOSECONDS);
      }
      scheduleRecheck(pass);
      done.complete(null);
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
  }

  /** @return false if a deployment could not progress for a passing reason */
  private boolean pass(DesiredState desired, Pass pass) {
    // Dependencies first: the listed deployments (else the journal's unfinished ones) in topological order.
    DependencyPlan plan = DependencyPlan.of(desired != null ? desired.deployments()
        : journal.all().stream().filter(e -> !e.state().terminal()).map(JournalEntry::spec).toList());
    relations.plan(plan);
    // At start, and while no desired state has arrived since, the journal (with its last terms) is the work list.
    if (resumePending || desired == null) {
      List<JournalEntry> entries = new java.util.ArrayList<>(journal.all());
      entries.sort(java.util.Comparator.comparingInt(e -> plan.rank(e.deploymentId())));
      for (JournalEntry entry : entries) {
        if (!entry.state().terminal() && !walk(entry.deploymentId(), pass, () -> resume(entry.deploymentId(), null))) {
          return false;
        }
      }
      resumePending = false;
    }
    if (desired == null) {
      return true;
    }
    for (DeploymentSpec spec : plan.ordered()) {
      if (!spec.hasSafeId()) {
        logger.error("deployment id refused deployment_id=\"{}\" (expected: [A-Za-z0-9._-], at most 128)", spec.deploymentId());
        continue;
      }
      if (!walk(spec.deploymentId(), pass, () -> walkListed(spec))) {
        return false;
      }
    }
    cancelUnlisted(desired);
    return true;
  }

  private void walkListed(DeploymentSpec spec) throws RetryLater, Waiting {
    Optional<JournalEntry> known = journal.find(spec.deploymentId());
    if (known.isEmpty() || known.get().attempt() < spec.attempt()) {
      runner.begin(spec);
    } else if (known.get().attempt() == spec.attempt() && !known.get().state().terminal()) {
      resume(spec.deploymentId(), spec.terms());
    }
  }

  /** Resumes the journaled entry (read under the lock: the user may have changed it), under newer terms if given. */
  private void resume(String deploymentId, CampaignTerms terms) throws RetryLater, Waiting {
    Optional<JournalEntry> entry = journal.find(deploymentId);
    if (entry.isEmpty() || entry.get().state().terminal()) {
      return;
    }
    JournalEntry current = entry.get();
    if (terms != null && !terms.equals(current.spec().terms())) {
      current = journal.write(current.withTerms(terms));
    }
    runner.resume(current);
  }

  private void cancelUnlisted(DesiredState desired) {
    Set<String> listed = desired.deployments().stream().map(DeploymentSpec::deploymentId).collect(Collectors.toSet());
    for (JournalEntry entry : journal.all()) {
      if (!listed.contains(entry.deploymentId()) && Transitions.beforeInstalling(entry.state())) {
        locks.with(entry.deploymentId(), () -> {
          journal.find(entry.deploymentId()).filter(e -> Transitions.beforeInstalling(e.state()))
              .ifPresent(runner::cancel);
          return null;
        });
      }
    }
  }

  private boolean walk(String deploymentId, Pass pass, Walk walk) {
    try {
      locks.with(deploymentId, () -> {
        walk.run();
        return null;
      });
      return true;
    } catch (Waiting e) {
      logger.info("deployment={} waiting reason=\"{}\" recheck_at={}", deploymentId, e.getMessage(), e.recheckAt());
      pass.waitUntil(e.recheckAt(), e.resync(), clock.instant());
      return true;
    } catch (RetryLater e) {
      logger.info("deployment={} paused reason=\"{}\"", deploymentId, e.getMessage());
      return false;
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        logger.info("deployment={} paused: the agent is stopping", deploymentId);
        return false;
      }
      logger.error("deployment={} stopped by an unexpected error (left in its journaled state)", deploymentId, e);
      return true;
    } catch (Exception e) {
      throw new IllegalStateException("unexpected checked exception", e);
    }
  }

  private synchronized void scheduleRecheck(Pass pass) {
    if (recheck != null) {
      recheck.cancel();
      recheck = null;
    }
    long revision = latest == null ? -1 : latest.revision();
    if (pass.resync && revision != resyncedRevision) {
      resyncedRevision = revision; // once per revision: a server that lists no newer window is not asked in a loop
      logger.info("every listed maintenance window is over; asking for a fresh desired state revision={}", revision);
      resyncDue.run();
    }
    recheckAt = pass.wakeAt;
    if (recheckAt == null) {
      return;
    }
    Duration delay = Duration.between(clock.instant(), recheckAt);
    logger.debug("recheck scheduled at={}", recheckAt);
    recheck = scheduler.schedule(() -> schedule(null), delay.isNegative() ? Duration.ZERO : delay);
  }

  /** Stops the worker, interrupting a running download; journaled states stay for the next start. */
  @Override
  public void close() {
    synchronized (this) {
      if (recheck != null) {
        recheck.cancel();
      }
    }
    worker.shutdownNow();
    try {
      if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
        logger.warn("deployment worker did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What one pass learned about waiting deployments. Worker thread only. */
  private static final class Pass {
    private Instant wakeAt;
    private boolean resync;

    void waitUntil(Instant at, boolean resyncWanted, Instant now) {
      resync |= resyncWanted;
      if (at == null) {
        return;
      }
      Instant due = at.isAfter(now) ? at : now.plusSeconds(1); // never a busy loop on an instant already past
      if (wakeAt == null || due.isBefore(wakeAt)) {
        wakeAt = due;
      }
    }
  }

  @FunctionalInterface
  private interface Walk {
    void run() throws RetryLater, Waiting;
  }

  /** For tests: the deployments as journaled now. */
  List<JournalEntry> entries() {
    return journal.all();
  }
}
