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
 */
public record JournalEntry(DeploymentSpec spec, DeploymentState state, long nextSequence, long reportedSequence,
    Instant at, String detail, int exitCode, long bytesDownloaded, long resumedFromOffset) {
  public JournalEntry {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
    detail = detail == null ? "" : detail;
    if (nextSequence < 2) {
      throw new IllegalArgumentException("next_sequence: " + nextSequence + " (expected: >= 2)");
    }
  }

  /** A deployment just seen: OFFERED, reported with sequence 1. */
  public static JournalEntry offered(DeploymentSpec spec, Instant at) {
    return new JournalEntry(spec, DeploymentState.OFFERED, 2, 0, at, "offered: " + spec.release().coordinates(),
        0, 0, 0);
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
        resumedFromOffset);
  }

  /** The entry with download counters (kept by every later state). */
  public JournalEntry withDownload(long fetched, long resumedFrom) {
    return new JournalEntry(spec, state, nextSequence, reportedSequence, at, detail, exitCode, fetched, resumedFrom);
  }

  /** The entry with {@code sequence} acknowledged (never lowers what was acknowledged before). */
  public JournalEntry reported(long sequence) {
    return new JournalEntry(spec, state, nextSequence, Math.max(reportedSequence, sequence), at, detail, exitCode,
        bytesDownloaded, resumedFromOffset);
  }

  /** The report of the current state. */
  public StatusReport report(String logExcerpt) {
    return new StatusReport(deploymentId(), attempt(), sequence(), state, detail, exitCode,
        logExcerpt == null ? "" : logExcerpt, at, bytesDownloaded, resumedFromOffset);
  }
}
