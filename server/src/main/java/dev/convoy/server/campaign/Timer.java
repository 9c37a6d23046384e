package dev.convoy.server.campaign;

import java.time.Instant;
import java.util.Objects;

/**
 * A durable wake-up: the scheduler fires it once its due time has passed (server clock). Timers carry no decision:
 * the handler looks at the current state and does nothing if the timer is stale, so a timer left behind by a crash
 * or a state that moved on is harmless.
 *
 * @param deploymentId for {@link Kind#DEPLOYMENT}, else ""
 * @param wave for {@link Kind#SOAK_END}, else 0
 */
public record Timer(Instant dueAt, Kind kind, String campaignId, String deploymentId, int wave) {
  public enum Kind {
    /** A SCHEDULED campaign's start time. */
    CAMPAIGN_START,
    /** The end of a wave's soak time. */
    SOAK_END,
    /** A deployment's state timeout, or its next retry attempt. */
    DEPLOYMENT
  }

  public Timer {
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(campaignId, "campaignId");
    deploymentId = Objects.requireNonNullElse(deploymentId, "");
  }

  public static Timer campaignStart(Campaign campaign, Instant at) {
    return new Timer(at, Kind.CAMPAIGN_START, campaign.id(), "", 0);
  }

  public static Timer soakEnd(String campaignId, int wave, Instant at) {
    return new Timer(at, Kind.SOAK_END, campaignId, "", wave);
  }

  public static Timer deployment(Deployment deployment, Instant at) {
    return new Timer(at, Kind.DEPLOYMENT, deployment.campaignId(), deployment.id(), 0);
  }

  /** The identity the store keys it by (two timers with the same id are the same timer). */
  public String id() {
    return switch (kind) {
      case CAMPAIGN_START -> campaignId;
      case SOAK_END -> campaignId + "#" + wave;
      case DEPLOYMENT -> deploymentId;
    };
  }
}
