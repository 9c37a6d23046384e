package dev.convoy.agent.deployment;

import static dev.convoy.agent.deployment.DeploymentState.ALREADY_INSTALLED;
import static dev.convoy.agent.deployment.DeploymentState.DOWNLOADED;
import static dev.convoy.agent.deployment.DeploymentState.DOWNLOADING;
import static dev.convoy.agent.deployment.DeploymentState.FAILED;
import static dev.convoy.agent.deployment.DeploymentState.FAILED_VERIFICATION;
import static dev.convoy.agent.deployment.DeploymentState.INSTALLING;
import static dev.convoy.agent.deployment.DeploymentState.SUCCEEDED;

import dev.convoy.agent.download.ChunkedDownloader;
import dev.convoy.agent.download.DownloadResult;
import dev.convoy.agent.download.IncompleteDownloadException;
import dev.convoy.agent.download.PayloadVerificationException;
import dev.convoy.release.ReleaseVerificationException;
import dev.convoy.release.VerifiedRelease;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks one deployment from its journaled state to a terminal one, following {@link Transitions}. Each state is
 * journaled (durably) before its report is queued. Resuming is the same walk: DOWNLOADING continues the download
 * from the last verified offset; DOWNLOADED, INSTALLING and VERIFYING (re-)run the lifecycle, which is idempotent.
 *
 * <p>Not thread-safe: only the reconciler's single worker thread calls it.
 */
final class DeploymentRunner {
  private static final Logger logger = LoggerFactory.getLogger(DeploymentRunner.class);

  private final DeploymentJournal journal;
  private final ReportOutbox outbox;
  private final ChunkedDownloader downloader;
  private final InstallStep installStep;
  private final Function<String, Path> workDirs;
  private final Clock clock;
  private final Consumer<DeploymentAction> installedChanged;

  DeploymentRunner(DeploymentJournal journal, ReportOutbox outbox, ChunkedDownloader downloader,
      InstallStep installStep, Function<String, Path> workDirs, Clock clock, Consumer<DeploymentAction> installedChanged) {
    this.installedChanged = installedChanged;
    this.journal = journal;
    this.outbox = outbox;
    this.downloader = downloader;
    this.installStep = installStep;
    this.workDirs = workDirs;
    this.clock = clock;
  }

  /** Journals and reports a new deployment (or a new attempt) as OFFERED, then walks it. */
  void begin(DeploymentSpec spec) throws RetryLater {
    DeploymentLog log = log(spec.deploymentId());
    JournalEntry offered = journal.write(JournalEntry.offered(spec, clock.instant()));
    log.line("OFFERED attempt=" + spec.attempt() + ": " + offered.detail());
    outbox.enqueue(offered.report(""));
    logger.info("deployment={} attempt={} release={} action={} state=OFFERED sequence=1",
        spec.deploymentId(), spec.attempt(), spec.release().coordinates(), spec.action());
    resume(offered);
  }

  /** Walks {@code entry} on from its journaled state until a terminal state. */
  void resume(JournalEntry entry) throws RetryLater {
    JournalEntry current = entry;
    while (!current.state().terminal()) {
      current = switch (current.state()) {
        case OFFERED -> offered(current);
        case DOWNLOADING -> downloading(current);
        case DOWNLOADED, INSTALLING, VERIFYING -> installing(current);
        default -> throw new IllegalStateException("deployment " + current.deploymentId() + " is in state "
            + current.state() + ", which this agent version does not handle");
      };
    }
  }

  private JournalEntry offered(JournalEntry entry) {
    DeploymentSpec spec = entry.spec();
    try {
      installStep.check(spec, workDirs.apply(spec.deploymentId()), log(spec.deploymentId()));
      if (spec.action() == DeploymentAction.INSTALL) {
        spec.release().checkFormat();
        spec.release().payloadSpec();
      }
    } catch (IllegalArgumentException e) {
      return transition(entry, FAILED, e.getMessage(), -1);
    }
    if (spec.action() == DeploymentAction.UNINSTALL) {
      return transition(entry, INSTALLING, "uninstalling " + spec.release().coordinates(), 0);
    }
    if (installStep.alreadyInstalled(spec, workDirs.apply(spec.deploymentId()), log(spec.deploymentId()))) {
      return transition(entry, ALREADY_INSTALLED, spec.release().coordinates() + " is already installed; nothing downloaded", 0);
    }
    return transition(entry, DOWNLOADING, "downloading " + spec.release().length() + " bytes", 0);
  }

  private JournalEntry downloading(JournalEntry entry) throws RetryLater {
    try {
      DownloadResult result = fetch(entry);
      return transition(entry.withDownload(result.fetchedBytes(), result.resumedFromOffset()), DOWNLOADED,
          "payload verified (" + entry.spec().release().length() + " bytes, sha256 " + entry.spec().release().sha256()
              + "), resumed from " + result.resumedFromOffset() + ", fetched " + result.fetchedBytes(), 0);
    } catch (PayloadVerificationException e) {
      return transition(entry, FAILED_VERIFICATION, e.getMessage(), 0);
    } catch (DownloadRefused e) {
      return transition(entry, FAILED, e.getMessage(), 0);
    }
  }

  private JournalEntry installing(JournalEntry entry) throws RetryLater {
    DeploymentSpec spec = entry.spec();
    Path payload = null;
    Map<String, String> parameters = null;
    if (spec.action() == DeploymentAction.INSTALL) {
      try {
        payload = payload(entry);
      } catch (PayloadVerificationException | DownloadRefused e) {
        return transition(entry, FAILED, "payload lost and not fetched again: " + e.getMessage(), -1);
      }
      if (spec.release().signed()) {
        try {
          VerifiedRelease verified = verifySigned(entry, payload);
          payload = verified.payload().orElseThrow();
          parameters = verified.manifest().installer().parameters();
        } catch (ReleaseVerificationException e) {
          return refuse(entry, e.reason() + ": " + e.getMessage());
        } catch (IOException e) {
          if (Thread.currentThread().isInterrupted() || e instanceof ClosedByInterruptException) {
            throw new RetryLater("verification of " + entry.deploymentId() + " interrupted: the agent is stopping", e);
          }
          return transition(entry, FAILED, "release file unreadable: " + e.getMessage(), -1);
        }
      }
    }
    boolean rerun = entry.state() != DOWNLOADED;
    JournalEntry[] current = {entry};
    Consumer<DeploymentState> progress = state -> current[0] = advanceIfAllowed(current[0], state);
    InstallOutcome outcome = parameters == null
        ? installStep.run(spec, payload, workDirs.apply(spec.deploymentId()), log(spec.deploymentId()), progress)
        : installStep.run(spec, payload, parameters, workDirs.apply(spec.deploymentId()), log(spec.deploymentId()),
            progress);
    DeploymentState end = outcome.state();
    String message = outcome.message();
    if (rerun && end == ALREADY_INSTALLED) {
      end = SUCCEEDED; // the previous agent process installed it and was stopped before journaling the result
      message = "installed before the agent restarted: " + message;
    }
    if (!Transitions.allowed(current[0].state(), end) && Transitions.allowed(current[0].state(), INSTALLING)) {
      current[0] = transition(current[0], INSTALLING, "installing " + spec.release().coordinates(), 0);
    }
    return transition(current[0], Transitions.allowed(current[0].state(), end) ? end : FAILED, message,
        outcome.exitCode());
  }

  /** One streaming pass: signature, manifest, documents, every payload entry, version gate; then extracted. */
  private VerifiedRelease verifySigned(JournalEntry entry, Path releaseFile) throws IOException {
    DeploymentSpec spec = entry.spec();
    Path workDir = workDirs.apply(spec.deploymentId());
    DeploymentLog log = log(spec.deploymentId());
    String installed = installStep.installedVersion(spec, workDir, log);
    log.line("verifying signed release " + spec.release().coordinates() + " (installed: "
        + (installed == null ? "none" : installed) + ", downgrade allowed: " + spec.allowDowngrade() + ")");
    VerifiedRelease verified = SignedRelease.verify(spec, releaseFile, workDir, installed);
    log.line("release verified: signer " + verified.signer().hex() + ", manifest sha256 " + verified.manifestSha256());
    return verified;
  }

  /** A signed release refused: nothing was installed; the download and the staging area go. */
  private JournalEntry refuse(JournalEntry entry, String detail) {
    logger.warn("release refused deployment={} reason=\"{}\"", entry.deploymentId(), detail);
    try {
      SignedRelease.delete(workDirs.apply(entry.deploymentId()).resolve(SignedRelease.STAGED_NAME));
      downloader.delete(entry.spec().release().sha256());
    } catch (IOException e) {
      logger.warn("clean-up incomplete deployment={} reason=\"{}\"", entry.deploymentId(), e.getMessage());
    }
    DeploymentState to = Transitions.allowed(entry.state(), FAILED_VERIFICATION) ? FAILED_VERIFICATION : FAILED;
    return transition(entry, to, detail, 0);
  }

  private JournalEntry advanceIfAllowed(JournalEntry entry, DeploymentState state) {
    if (entry.state() == state || !Transitions.allowed(entry.state(), state)) {
      return entry; // re-running after a restart re-enters states the deployment already reported
    }
    return transition(entry, state, state == INSTALLING ? "installing " + entry.spec().release().coordinates()
        : "verifying " + entry.spec().release().coordinates(), 0);
  }

  /**
   * The payload, checked again: a file left by an earlier process is re-hashed against the release (the downloader
   * returns it without fetching when it matches), and fetched again when it is missing or was changed since.
   */
  private Path payload(JournalEntry entry) throws RetryLater, DownloadRefused {
    if (!Files.isRegularFile(downloader.payloadPath(entry.spec().release().sha256()))) {
      logger.warn("payload missing deployment={} state={} (fetching it again)", entry.deploymentId(), entry.state());
    }
    return fetch(entry).payload();
  }

  private DownloadResult fetch(JournalEntry entry) throws RetryLater, DownloadRefused {
    String id = entry.deploymentId();
    try {
      return downloader.download(id, entry.spec().release().payloadSpec());
    } catch (IncompleteDownloadException | InterruptedIOException e) {
      throw new RetryLater("download of " + id + " interrupted: " + e.getMessage(), e);
    } catch (ServerException e) {
      if (e.retryable() || e.code() == ServerException.Code.CANCELLED) {
        throw new RetryLater("download of " + id + " interrupted: " + e.code() + " " + e.getMessage(), e);
      }
      throw new DownloadRefused("download refused by the server: " + e.code() + ": " + e.getMessage());
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted() || e instanceof ClosedByInterruptException) {
        throw new RetryLater("download of " + id + " interrupted: the agent is stopping", e);
      }
      throw new DownloadRefused("download failed: local disk error: " + e.getMessage());
    }
  }

  private JournalEntry transition(JournalEntry entry, DeploymentState to, String detail, int exitCode) {
    DeploymentLog log = log(entry.deploymentId());
    log.line(to + ": " + detail);
    JournalEntry next = journal.write(entry.advance(to, detail, exitCode, clock.instant()));
    outbox.enqueue(next.report(to.terminal() ? log.excerpt() : ""));
    logger.info("deployment={} attempt={} state={} sequence={} detail=\"{}\"", next.deploymentId(), next.attempt(),
        to, next.sequence(), detail);
    if (to.terminal()) {
      cleanUp(next);
    }
    if (to.successful()) {
      installedChanged.accept(entry.spec().action());
    }
    return next;
  }

  /** After a terminal state: the payload and the work directory go; the deployment log stays. */
  private void cleanUp(JournalEntry entry) {
    try {
      downloader.delete(entry.spec().release().sha256());
      WorkDirectory.clearAllBut(workDirs.apply(entry.deploymentId()), DeploymentLog.FILE_NAME);
    } catch (IOException e) {
      logger.warn("clean-up incomplete deployment={} reason=\"{}\"", entry.deploymentId(), e.getMessage());
    }
  }

  private DeploymentLog log(String deploymentId) {
    return new DeploymentLog(workDirs.apply(deploymentId), clock);
  }

  /** The server refused the download, or the disk failed: the deployment fails. */
  private static final class DownloadRefused extends Exception {
    private static final long serialVersionUID = 1L;

    DownloadRefused(String message) {
      super(message);
    }
  }
}
