package dev.convoy.agent.deployment;

import java.time.Instant;
import java.util.Objects;

/**
 * The last journaled state of one deployment attempt: everything needed to resume it after a restart and to
 * (re)send its latest report.
 *
 * @param spec the deployment as the server described it (the release manifest included)
 * @param state the current state
 * @param nextSequence the sequence number the next report will carry; the current state's report carries
 *     {@code nextSequence - 1}
 * @param reportedSequence the highest sequence the server acknowledged (or refused for good); 0 for none
 * @param at when the current state was entered
 * @param detail why, for people
 * @param exitCode the installer's exit code where one exists, else 0
 * @param bytesDownloaded bytes fetched from the server by the agent process that completed the download
 * @param resumedFromOffset the verified offset that download resumed from
 * @param notes what the agent learned about this attempt (notice shown, user's request, deferral, permit pending)
 */
public record JournalEntry(DeploymentSpec spec, DeploymentState state, long nextSequence, long reportedSequence,
    Instant at, String detail, int exitCode, long bytesDownloaded, long resumedFromOffset, AttemptNotes notes) {
  public JournalEntry {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
    detail = detail == null ? "" : detail;
    notes = notes == null ? AttemptNotes.NONE : notes;
    if (nextSequence < 2) {
      throw new IllegalArgumentException("next_sequence: " + nextSequence + " (expected: >= 2)");
    }
  }

  /** A deployment just seen: OFFERED, reported with sequence 1. */
  public static JournalEntry offered(DeploymentSpec spec, Instant at) {
    return new JournalEntry(spec, DeploymentState.OFFERED, 2, 0, at, "offered: " + spec.release().coordinates(),
        0, 0, 0, AttemptNotes.NONE);
  }

  public String deploymentId() {
    return spec.deploymentId();
  }

  public int attempt() {
    return spec.attempt();
  }

  /** The sequence number of the current state's report. */
  public long sequence() {
    return nextSequence - 1;
  }

  /** Whether the current state's report still has to reach the server. */
  public boolean unreported() {
    return reportedSequence < sequence();
  }

  /**
   * The entry after moving to {@code to}, with the next sequence number.
   *
   * @throws IllegalStateException if {@link Transitions} does not allow the move
   */
  public JournalEntry advance(DeploymentState to, String why, int code, Instant when) {
    Transitions.require(state, to);
    return new JournalEntry(spec, to, nextSequence + 1, reportedSequence, when, why, code, bytesDownloaded,
        resumedFromOffset, notes.permit(false));
  }

  /** The entry with other notes (same state and sequence). */
  public JournalEntry withNotes(AttemptNotes newNotes) {
    return new JournalEntry(spec, state, nextSequence, reportedSequence, at, detail, exitCode, bytesDownloaded,
        resumedFromOffset, newNotes);
  }

  /** The entry under the campaign terms of a newer desired state (same state and sequence). */
  public JournalEntry withTerms(CampaignTerms terms) {
    return new JournalEntry(spec.withTerms(terms), state, nextSequence, reportedSequence, at, detail, exitCode,
        bytesDownloaded, resumedFromOffset, notes);
  }

  /** The entry whose next report skips to {@code sequence} (the server already holds the ones before it). */
  public JournalEntry skipTo(long sequence) {
    return new JournalEntry(spec, state, Math.max(nextSequence, sequence), reportedSequence, at, detail, exitCode,
        bytesDownloaded, resumedFromOffset, notes);
  }

  /** The entry with download counters (kept by every later state). */
  public JournalEntry withDownload(long fetched, long resumedFrom) {
    return new JournalEntry(spec, state, nextSequence, reportedSequence, at, detail, exitCode, fetched, resumedFrom,
        notes);
  }

  /** The entry with {@code sequence} acknowledged (never lowers what was acknowledged before). */
  public JournalEntry reported(long sequence) {
    return new JournalEntry(spec, state, nextSequence, Math.max(reportedSequence, sequence), at, detail, exitCode,
        bytesDownloaded, resumedFromOffset, notes);
  }

  /** The report of the current state. */
  public StatusReport report(String logExcerpt) {
    return new StatusReport(deploymentId(), attempt(), sequence(), state, detail, exitCode,
        logExcerpt == null ? "" : logExcerpt, at, bytesDownloaded, resumedFromOffset,
        state == DeploymentState.DEFERRED ? notes.deferredUntil() : null,
        state == DeploymentState.INSTALLING && notes.installRequested(),
        state == DeploymentState.FAILED && notes.retryable());
  }
}
