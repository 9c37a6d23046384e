package dev.convoy.agent.deployment;

import static dev.convoy.agent.deployment.DeploymentState.ALREADY_INSTALLED;
import static dev.convoy.agent.deployment.DeploymentState.DOWNLOADED;
import static dev.convoy.agent.deployment.DeploymentState.DOWNLOADING;
import static dev.convoy.agent.deployment.DeploymentState.FAILED;
import static dev.convoy.agent.deployment.DeploymentState.FAILED_VERIFICATION;
import static dev.convoy.agent.deployment.DeploymentState.NOTIFIED;

import dev.convoy.agent.download.ChunkedDownloader;
import dev.convoy.agent.download.DownloadResult;
import dev.convoy.agent.download.PayloadVerificationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks one deployment from its journaled state towards a terminal one, following {@link Transitions}: the notice,
 * the download gate, the download, the install gate, the install permit ({@link Permits}), then the installer
 * ({@link Installation}). Each state is journaled (durably) before its report is queued. A closed gate ends the
 * walk with {@link Waiting}; resuming is the same walk: DOWNLOADING continues the download from the last verified
 * offset; INSTALLING and VERIFYING re-run the lifecycle, which is idempotent.
 *
 * <p>Not thread-safe: called under the deployment's lock (the reconciler's worker, or the local socket's thread).
 */
final class DeploymentRunner {
  private static final Logger logger = LoggerFactory.getLogger(DeploymentRunner.class);

  private final DeploymentJournal journal;
  private final ChunkedDownloader downloader;
  private final InstallStep installStep;
  private final Function<String, Path> workDirs;
  private final Clock clock;
  private final NoticeDisplay notices;
  private final Transitioner transitioner;
  private final Permits permits;
  private final Installation installation;
  private final RelationGate relations;

  DeploymentRunner(DeploymentJournal journal, ChunkedDownloader downloader, InstallStep installStep,
      Function<String, Path> workDirs, Clock clock, NoticeDisplay notices, Transitioner transitioner,
      SyncReporter reporter, RelationGate relations) {
    this.relations = relations;
    this.journal = journal;
    this.downloader = downloader;
    this.installStep = installStep;
    this.workDirs = workDirs;
    this.clock = clock;
    this.notices = notices;
    this.transitioner = transitioner;
    this.permits = new Permits(journal, reporter, transitioner, clock);
    this.installation = new Installation(downloader, installStep, workDirs, transitioner);
  }

  /** Journals and reports a new deployment (or a new attempt) as OFFERED, then walks it. */
  void begin(DeploymentSpec spec) throws RetryLater, Waiting {
    JournalEntry offered = journal.write(JournalEntry.offered(spec, clock.instant()));
    transitioner.log(spec.deploymentId()).line("OFFERED attempt=" + spec.attempt() + ": " + offered.detail());
    transitioner.announce(offered);
    logger.info("deployment={} attempt={} release={} action={} delivery={} execution={} state=OFFERED sequence=1",
        spec.deploymentId(), spec.attempt(), spec.release().coordinates(), spec.action(), spec.terms().delivery(),
        spec.terms().execution());
    resume(offered);
  }

  /**
   * Walks {@code entry} on from its journaled state until a terminal state or a closed gate. An install of a release
   * that is not a signed release file ends at once in FAILED_VERIFICATION (also one journaled by an older agent).
   */
  void resume(JournalEntry entry) throws RetryLater, Waiting {
    JournalEntry current = entry;
    java.util.Optional<String> unsigned = current.spec().action() == DeploymentAction.INSTALL
        && !current.state().terminal() ? current.spec().release().installRefusal() : java.util.Optional.empty();
    if (unsigned.isPresent()) {
      current = installation.refuse(current, unsigned.get());
    }
    if (current.notes().permitPending() && Transitions.beforeInstalling(current.state())) {
      current = installation.run(permits.request(current), false); // a permit asked for before a restart
    }
    while (!current.state().terminal()) {
      current = switch (current.state()) {
        case OFFERED -> offered(current);
        case NOTIFIED, DEFERRED -> notified(current);
        case DOWNLOADING -> downloading(current);
        case DOWNLOADED, AWAITING_WINDOW, AWAITING_TECHNICIAN -> gate(current);
        case INSTALLING, VERIFYING -> installation.run(current, true);
        default -> throw new IllegalStateException("deployment " + current.deploymentId() + " is in state "
            + current.state() + ", which this agent version does not handle");
      };
    }
  }

  /** The server no longer lists it and it has not started installing: CANCELLED locally, download purged. */
  void cancel(JournalEntry entry) {
    transitioner.cancel(entry);
  }

  private JournalEntry offered(JournalEntry entry) {
    DeploymentSpec spec = entry.spec();
    try {
      installStep.check(spec, workDirs.apply(spec.deploymentId()), transitioner.log(spec.deploymentId()));
      if (spec.action() == DeploymentAction.INSTALL) {
        spec.release().payloadSpec();
      }
    } catch (IllegalArgumentException e) {
      return transitioner.transition(entry, FAILED, e.getMessage(), -1);
    }
    if (spec.action() == DeploymentAction.INSTALL
        && installStep.alreadyInstalled(spec, workDirs.apply(spec.deploymentId()), transitioner.log(spec.deploymentId()))) {
      return transitioner.transition(entry, ALREADY_INSTALLED, spec.release().coordinates()
          + " is already installed; nothing downloaded", 0);
    }
    if (spec.action() == DeploymentAction.INSTALL) {
      java.util.Optional<String> refusal = relations.refusal(spec);
      if (refusal.isEmpty()) {
        refusal = relations.missingDependencyNow(spec); // before anything is downloaded
      }
      if (refusal.isPresent()) {
        return refused(entry, refusal.get());
      }
    }
    Notice notice = spec.terms().notice();
    notices.show(spec, clock.instant());
    return transitioner.transition(entry, NOTIFIED, "notice shown: " + notice.titleOr(spec.release().coordinates()),
        0, entry.notes().notified(clock.instant()));
  }

  /** NOTIFIED or DEFERRED: download when its gate allows, or go to the install gate when nothing is to download. */
  private JournalEntry notified(JournalEntry entry) throws RetryLater, Waiting {
    DeploymentSpec spec = entry.spec();
    boolean nothingToFetch = spec.action() == DeploymentAction.UNINSTALL
        || (entry.state() != NOTIFIED && Files.isRegularFile(downloader.payloadPath(spec.release().sha256())));
    if (nothingToFetch) {
      return gate(entry);
    }
    GateDecision decision = InstallGates.download(spec, entry.notes(), clock.instant());
    if (!decision.open()) {
      throw new Waiting(decision.recheckAt(), decision.resync(), "download: " + decision.reason());
    }
    return transitioner.transition(entry, DOWNLOADING, "downloading " + spec.release().length() + " bytes", 0);
  }

  /** The install gate as the agent reads it; open: verify the payload, ask for the permit, run the installer. */
  private JournalEntry gate(JournalEntry entry) throws RetryLater, Waiting {
    GateDecision decision = InstallGates.install(entry.spec(), entry.notes(), clock.instant());
    if (!decision.open()) {
      if (decision.waitIn() != null && entry.state() != decision.waitIn()
          && Transitions.allowed(entry.state(), decision.waitIn())) {
        transitioner.transition(entry, decision.waitIn(), decision.reason(), 0);
      }
      throw new Waiting(decision.recheckAt(), decision.resync(), decision.reason());
    }
    if (entry.spec().action() == DeploymentAction.INSTALL) {
      java.util.Optional<String> refusal = relations.refusal(entry.spec());
      if (refusal.isEmpty()) {
        refusal = relations.missingDependency(entry.spec());
      }
      if (refusal.isPresent()) {
        return refused(entry, refusal.get());
      }
    }
    Installation.Prepared prepared = installation.prepare(entry);
    if (prepared.failed() != null) {
      return prepared.failed();
    }
    return installation.run(permits.request(entry), prepared, false);
  }

  /** The release's relations forbid installing it: FAILED, the download purged, nothing installed. */
  private JournalEntry refused(JournalEntry entry, String detail) {
    logger.warn("deployment refused deployment={} release={} reason=\"{}\"", entry.deploymentId(),
        entry.spec().release().coordinates(), detail);
    try {
      downloader.delete(entry.spec().release().sha256());
    } catch (java.io.IOException e) {
      logger.warn("clean-up incomplete deployment={} reason=\"{}\"", entry.deploymentId(), e.getMessage());
    }
    return transitioner.transition(entry, FAILED, detail, 0);
  }

  private JournalEntry downloading(JournalEntry entry) throws RetryLater {
    try {
      DownloadResult result = installation.fetch(entry);
      return transitioner.transition(entry.withDownload(result.fetchedBytes(), result.resumedFromOffset()), DOWNLOADED,
          "payload verified (" + entry.spec().release().length() + " bytes, sha256 " + entry.spec().release().sha256()
              + "), resumed from " + result.resumedFromOffset() + ", fetched " + result.fetchedBytes(), 0);
    } catch (PayloadVerificationException e) {
      return transitioner.transition(entry, FAILED_VERIFICATION, e.getMessage(), 0);
    } catch (Installation.DownloadRefused e) {
      return transitioner.transition(entry, FAILED, e.getMessage(), 0);
    }
  }

}
