package dev.convoy.agent.deployment;

import dev.convoy.agent.download.ChunkedDownloader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a deployment to its next state: deployment log, journal (durable), then the report into the outbox; after
 * a terminal state the payload and work directory go. Also the local-only cancellation (journaled, never reported).
 *
 * <p>Thread-safe if used under the deployment's lock (the journal is thread-safe).
 */
final class Transitioner {
  private static final Logger logger = LoggerFactory.getLogger(Transitioner.class);

  private final DeploymentJournal journal;
  private final ReportOutbox outbox;
  private final ChunkedDownloader downloader;
  private final Function<String, Path> workDirs;
  private final Clock clock;
  private final Consumer<DeploymentAction> installedChanged;
  private final LogTap tap;

  Transitioner(DeploymentJournal journal, ReportOutbox outbox, ChunkedDownloader downloader,
      Function<String, Path> workDirs, Clock clock, Consumer<DeploymentAction> installedChanged) {
    this(journal, outbox, downloader, workDirs, clock, installedChanged, LogTap.NONE);
  }

  Transitioner(DeploymentJournal journal, ReportOutbox outbox, ChunkedDownloader downloader,
      Function<String, Path> workDirs, Clock clock, Consumer<DeploymentAction> installedChanged, LogTap tap) {
    this.tap = tap;
    this.journal = journal;
    this.outbox = outbox;
    this.downloader = downloader;
    this.workDirs = workDirs;
    this.clock = clock;
    this.installedChanged = installedChanged;
  }

  JournalEntry transition(JournalEntry entry, DeploymentState to, String detail, int exitCode) {
    return transition(entry, to, detail, exitCode, entry.notes());
  }

  /** Journals {@code to} with {@code notes}, then queues its report. */
  JournalEntry transition(JournalEntry entry, DeploymentState to, String detail, int exitCode, AttemptNotes notes) {
    JournalEntry next = journal.write(entry.advance(to, detail, exitCode, clock.instant()).withNotes(
        notes.permit(false)));
    DeploymentLog log = log(entry.deploymentId());
    logged(next, detail);
    outbox.enqueue(next.report(to.terminal() ? log.excerpt() : ""));
    if (to.terminal()) {
      cleanUp(next);
    }
    if (to.successful()) {
      installedChanged.accept(entry.spec().action());
    }
    return next;
  }

  /** Queues the report of a state already journaled (OFFERED). */
  void announce(JournalEntry entry) {
    outbox.enqueue(entry.report(""));
  }

  /** Writes the deployment log line and the agent log line of a state already journaled. */
  void logged(JournalEntry entry, String detail) {
    log(entry.deploymentId()).line(entry.state() + ": " + detail);
    logger.info("deployment={} attempt={} state={} sequence={} detail=\"{}\"", entry.deploymentId(), entry.attempt(),
        entry.state(), entry.sequence(), detail);
  }

  /**
   * The server no longer lists a deployment that has not started installing: journaled CANCELLED (marked as
   * reported, so that no restart sends it), the download purged. Nothing is reported: the server ended it.
   */
  JournalEntry cancel(JournalEntry entry) {
    JournalEntry cancelled = entry.advance(DeploymentState.CANCELLED, "no longer listed by the server", 0,
        clock.instant());
    JournalEntry written = journal.write(cancelled.reported(cancelled.sequence()));
    log(entry.deploymentId()).line("CANCELLED: no longer listed by the server (not reported)");
    logger.info("deployment={} attempt={} cancelled: no longer listed by the server (was {})", entry.deploymentId(),
        entry.attempt(), entry.state());
    cleanUp(written);
    return written;
  }

  /** After a terminal state: the payload and the work directory go; the deployment log stays. */
  void cleanUp(JournalEntry entry) {
    try {
      downloader.delete(entry.spec().release().sha256());
      WorkDirectory.clearAllBut(workDirs.apply(entry.deploymentId()), DeploymentLog.FILE_NAME);
    } catch (IOException e) {
      logger.warn("clean-up incomplete deployment={} reason=\"{}\"", entry.deploymentId(), e.getMessage());
    }
  }

  DeploymentLog log(String deploymentId) {
    return new DeploymentLog(workDirs.apply(deploymentId), clock, text -> tap.line(deploymentId, text));
  }
}
