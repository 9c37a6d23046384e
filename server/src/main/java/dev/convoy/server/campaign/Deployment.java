package dev.convoy.server.campaign;

import dev.convoy.server.common.RandomIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One campaign on one endpoint: the unit the agent reports on. {@code lastSequence} is the highest report sequence
 * applied for {@code attempt}; reports at or below it are stale. Immutable: every change goes through
 * {@link #toBuilder()} and ends in {@link Builder#build()}, which appends to the history when the state changed.
 *
 * @param wave the index of the campaign wave it belongs to
 * @param noticeDeliveredAt the delivery receipt of its notice (server clock), null until NOTIFIED was reported
 * @param deferredUntil the user's current deferral, or null
 * @param deferredTotal the time deferred so far, summed over deferrals
 * @param nextAttemptAt RETRY_PENDING: when the next attempt starts
 * @param timedOut it was failed by the server because it stayed too long in a state
 * @param technicianPresentAt TECHNICIAN: when a technician proved presence at the endpoint, or null
 * @param installStartedAt when the install permit was granted (INSTALLING applied), or null
 * @param timerAt the due time of its pending timeout or retry timer, or null
 * @param history its states, oldest first, at most {@link #MAX_HISTORY} (the oldest dropped first)
 */
public record Deployment(String id, String campaignId, String endpointId, String releaseName, String releaseVersion,
    DeploymentState state, int attempt, long lastSequence, String detail, int exitCode, String logExcerpt,
    Instant createdAt, Instant updatedAt, long bytesDownloaded, long resumedFromOffset, int wave,
    Instant noticeDeliveredAt, Instant deferredUntil, int deferralCount, Duration deferredTotal,
    Instant nextAttemptAt, boolean timedOut, Instant technicianPresentAt, Instant installStartedAt,
    Instant timerAt, List<StateChange> history) {
  public static final int MAX_HISTORY = 64;

  public Deployment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(state, "state");
    detail = Objects.requireNonNullElse(detail, "");
    logExcerpt = Objects.requireNonNullElse(logExcerpt, "");
    deferredTotal = Objects.requireNonNullElse(deferredTotal, Duration.ZERO);
    history = List.copyOf(history);
  }

  /**
   * A new deployment of {@code campaign} on {@code endpointId} in wave {@code wave}: PENDING if the wave is open,
   * else QUEUED; attempt 1, nothing reported.
   */
  public static Deployment create(Campaign campaign, String endpointId, int wave, boolean waveOpen, Instant at) {
    DeploymentState state = waveOpen ? DeploymentState.PENDING : DeploymentState.QUEUED;
    return new Deployment(RandomIds.next("dep-"), campaign.id(), endpointId, campaign.releaseName(),
        campaign.releaseVersion(), state, 1, 0, "", 0, "", at, at, 0, 0, wave, null, null, 0, Duration.ZERO, null,
        false, null, null, null, List.of(new StateChange(state, 1, at, "")));
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A copy being changed; {@link #build()} records a state change in the history. */
  public static final class Builder {
    private final Deployment from;
    private DeploymentState state;
    private int attempt;
    private long lastSequence;
    private String detail;
    private int exitCode;
    private String logExcerpt;
    private Instant updatedAt;
    private long bytesDownloaded;
    private long resumedFromOffset;
    private Instant noticeDeliveredAt;
    private Instant deferredUntil;
    private int deferralCount;
    private Duration deferredTotal;
    private Instant nextAttemptAt;
    private boolean timedOut;
    private Instant technicianPresentAt;
    private Instant installStartedAt;
    private Instant timerAt;

    private Builder(Deployment d) {
      from = d;
      state = d.state;
      attempt = d.attempt;
      lastSequence = d.lastSequence;
      detail = d.detail;
      exitCode = d.exitCode;
      logExcerpt = d.logExcerpt;
      updatedAt = d.updatedAt;
      bytesDownloaded = d.bytesDownloaded;
      resumedFromOffset = d.resumedFromOffset;
      noticeDeliveredAt = d.noticeDeliveredAt;
      deferredUntil = d.deferredUntil;
      deferralCount = d.deferralCount;
      deferredTotal = d.deferredTotal;
      nextAttemptAt = d.nextAttemptAt;
      timedOut = d.timedOut;
      technicianPresentAt = d.technicianPresentAt;
      installStartedAt = d.installStartedAt;
      timerAt = d.timerAt;
    }

    /** The state at {@code at} with its reason (the reason also becomes the deployment's detail). */
    public Builder state(DeploymentState next, Instant at, String reason) {
      state = next;
      updatedAt = at;
      detail = Objects.requireNonNullElse(reason, "");
      return this;
    }

    /** What an applied agent report carries. */
    public Builder report(StatusReport report, Instant at) {
      state(report.state(), at, report.detail());
      attempt = report.attempt();
      lastSequence = report.sequence();
      exitCode = report.exitCode();
      logExcerpt = report.logExcerpt();
      bytesDownloaded = report.bytesDownloaded();
      resumedFromOffset = report.resumedFromOffset();
      return this;
    }

    /** A fresh attempt, PENDING, nothing reported for it yet. */
    public Builder nextAttempt(Instant at) {
      attempt++;
      lastSequence = 0;
      nextAttemptAt = null;
      bytesDownloaded = 0;
      resumedFromOffset = 0;
      installStartedAt = null;
      deferredUntil = null;
      return state(DeploymentState.PENDING, at, "attempt " + attempt);
    }

    public Builder noticeDelivered(Instant at) {
      noticeDeliveredAt = at;
      return this;
    }

    public Builder deferred(Instant until, Duration added) {
      deferredUntil = until;
      deferralCount++;
      deferredTotal = deferredTotal.plus(added);
      return this;
    }

    public Builder retryAt(Instant at) {
      nextAttemptAt = at;
      return this;
    }

    public Builder timedOut() {
      timedOut = true;
      return this;
    }

    public Builder technicianPresent(Instant at) {
      technicianPresentAt = at;
      return this;
    }

    public Builder installStarted(Instant at) {
      installStartedAt = at;
      return this;
    }

    public Builder timerAt(Instant at) {
      timerAt = at;
      return this;
    }

    public Deployment build() {
      List<StateChange> history = from.history;
      if (state != from.state || attempt != from.attempt) {
        List<StateChange> next = new ArrayList<>(history);
        next.add(new StateChange(state, attempt, updatedAt, detail));
        history = next.size() > MAX_HISTORY ? next.subList(next.size() - MAX_HISTORY, next.size()) : next;
      }
      return new Deployment(from.id, from.campaignId, from.endpointId, from.releaseName, from.releaseVersion, state,
          attempt, lastSequence, detail, exitCode, logExcerpt, from.createdAt, updatedAt, bytesDownloaded,
          resumedFromOffset, from.wave, noticeDeliveredAt, deferredUntil, deferralCount, deferredTotal,
          nextAttemptAt, timedOut, technicianPresentAt, installStartedAt, timerAt, history);
    }
  }
}
