package dev.convoy.agent.deployment;

import static dev.convoy.agent.deployment.DeploymentState.ALREADY_INSTALLED;
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
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payload, its verification and the installer run. {@link #prepare} re-checks the payload and verifies a
 * signed release (signature, manifest, content, version gate) before the permit is even asked for: nothing of a
 * release runs before its signature is checked. {@link #run} drives the installer's lifecycle once INSTALLING is
 * journaled.
 *
 * <p>Not thread-safe: called under the deployment's lock.
 */
final class Installation {
  private static final Logger logger = LoggerFactory.getLogger(Installation.class);

  private final ChunkedDownloader downloader;
  private final InstallStep installStep;
  private final Function<String, Path> workDirs;
  private final Transitioner transitioner;

  Installation(ChunkedDownloader downloader, InstallStep installStep, Function<String, Path> workDirs,
      Transitioner transitioner) {
    this.downloader = downloader;
    this.installStep = installStep;
    this.workDirs = workDirs;
    this.transitioner = transitioner;
  }

  /**
   * A verified payload and its installer parameters from the verified manifest (both null for an uninstall), or
   * the terminal entry when it could not be verified.
   */
  record Prepared(Path payload, Map<String, String> parameters, JournalEntry failed) {}

  /**
   * Checks the payload again and verifies the signed release; a failure is journaled and reported. A release that
   * is not a signed release file is refused before its payload is even looked at.
   */
  Prepared prepare(JournalEntry entry) throws RetryLater {
    DeploymentSpec spec = entry.spec();
    if (spec.action() != DeploymentAction.INSTALL) {
      return new Prepared(null, null, null);
    }
    java.util.Optional<String> unsigned = spec.release().installRefusal();
    if (unsigned.isPresent()) {
      return new Prepared(null, null, refuse(entry, unsigned.get()));
    }
    Path payload;
    try {
      payload = payload(entry);
    } catch (PayloadVerificationException | DownloadRefused e) {
      return new Prepared(null, null,
          transitioner.transition(entry, FAILED, "payload lost and not fetched again: " + e.getMessage(), -1));
    }
    try {
      VerifiedRelease verified = verifySigned(entry, payload);
      return new Prepared(verified.payload().orElseThrow(), verified.manifest().installer().parameters(), null);
    } catch (ReleaseVerificationException e) {
      return new Prepared(null, null, refuse(entry, e.reason() + ": " + e.getMessage()));
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted() || e instanceof ClosedByInterruptException) {
        throw new RetryLater("verification of " + entry.deploymentId() + " interrupted: the agent is stopping", e);
      }
      return new Prepared(null, null,
          transitioner.transition(entry, FAILED, "release file unreadable: " + e.getMessage(), -1));
    }
  }

  /** Prepares, then runs the installer on a deployment journaled as INSTALLING (or VERIFYING). */
  JournalEntry run(JournalEntry installing, boolean rerun) throws RetryLater {
    Prepared prepared = prepare(installing);
    return prepared.failed() != null ? prepared.failed() : run(installing, prepared, rerun);
  }

  /**
   * Runs the installer's lifecycle.
   *
   * @param rerun the deployment was INSTALLING or VERIFYING before this process looked at it (a restart)
   */
  JournalEntry run(JournalEntry installing, Prepared prepared, boolean rerun) {
    DeploymentSpec spec = installing.spec();
    JournalEntry[] current = {installing};
    Consumer<DeploymentState> progress = state -> current[0] = advanceIfAllowed(current[0], state);
    Path workDir = workDirs.apply(spec.deploymentId());
    DeploymentLog log = transitioner.log(spec.deploymentId());
    InstallOutcome outcome = prepared.parameters() == null
        ? installStep.run(spec, prepared.payload(), workDir, log, progress)
        : installStep.run(spec, prepared.payload(), prepared.parameters(), workDir, log, progress);
    DeploymentState end = outcome.state();
    String message = outcome.message();
    if (rerun && end == ALREADY_INSTALLED) {
      end = SUCCEEDED; // the previous agent process installed it and was stopped before journaling the result
      message = "installed before the agent restarted: " + message;
    }
    DeploymentState to = Transitions.allowed(current[0].state(), end) ? end : FAILED;
    return transitioner.transition(current[0], to, message, outcome.exitCode(),
        current[0].notes().failedRetryably(to == FAILED && outcome.retryable()));
  }

  /** One streaming pass: signature, manifest, documents, every payload entry, version gate; then extracted. */
  private VerifiedRelease verifySigned(JournalEntry entry, Path releaseFile) throws IOException {
    DeploymentSpec spec = entry.spec();
    Path workDir = workDirs.apply(spec.deploymentId());
    DeploymentLog log = transitioner.log(spec.deploymentId());
    String installed = installStep.installedVersion(spec, workDir, log);
    log.line("verifying signed release " + spec.release().coordinates() + " (installed: "
        + (installed == null ? "none" : installed) + ", downgrade allowed: " + spec.allowDowngrade() + ")");
    VerifiedRelease verified = SignedRelease.verify(spec, releaseFile, workDir, installed);
    log.line("release verified: signer " + verified.signer().hex() + ", manifest sha256 " + verified.manifestSha256());
    return verified;
  }

  /**
   * A release refused before anything of it ran: nothing was installed; the download and the staging area go.
   * FAILED_VERIFICATION where the transition table allows it from the journaled state, else FAILED.
   */
  JournalEntry refuse(JournalEntry entry, String detail) {
    logger.warn("release refused deployment={} reason=\"{}\"", entry.deploymentId(), detail);
    try {
      SignedRelease.delete(workDirs.apply(entry.deploymentId()).resolve(SignedRelease.STAGED_NAME));
      downloader.delete(entry.spec().release().sha256());
    } catch (IOException e) {
      logger.warn("clean-up incomplete deployment={} reason=\"{}\"", entry.deploymentId(), e.getMessage());
    }
    DeploymentState to = Transitions.allowed(entry.state(), FAILED_VERIFICATION) ? FAILED_VERIFICATION : FAILED;
    return transitioner.transition(entry, to, detail, 0);
  }

  private JournalEntry advanceIfAllowed(JournalEntry entry, DeploymentState state) {
    if (entry.state() == state || !Transitions.allowed(entry.state(), state)) {
      return entry; // re-running after a restart re-enters states the deployment already reported
    }
    return transitioner.transition(entry, state, state == INSTALLING
        ? "installing " + entry.spec().release().coordinates()
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

  DownloadResult fetch(JournalEntry entry) throws RetryLater, DownloadRefused {
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

  /** The server refused the download, or the disk failed: the deployment fails. */
  static final class DownloadRefused extends Exception {
    private static final long serialVersionUID = 1L;

    DownloadRefused(String message) {
      super(message);
    }
  }
}
