package dev.convoy.server.campaign;

import dev.convoy.server.campaign.plan.Timeouts;
import java.time.Duration;
import java.time.Instant;

/**
 * Which timer a deployment needs in its state: a timeout while it may get stuck (PENDING/OFFERED: unresponsive,
 * DOWNLOADING, INSTALLING/VERIFYING, AWAITING_TECHNICIAN), or the start of its next attempt (RETRY_PENDING).
 * A timer runs from the moment the deployment enters the state's category: progress reports within DOWNLOADING, or
 * INSTALLING → VERIFYING, keep the timer that runs. Stateless.
 */
final class DeploymentTimers {
  private DeploymentTimers() {}

  enum Category { NONE, UNRESPONSIVE, DOWNLOADING, INSTALLING, TECHNICIAN, RETRY }

  static Category category(DeploymentState state) {
    return switch (state) {
      case PENDING, OFFERED -> Category.UNRESPONSIVE;
      case DOWNLOADING -> Category.DOWNLOADING;
      case INSTALLING, VERIFYING -> Category.INSTALLING;
      case AWAITING_TECHNICIAN -> Category.TECHNICIAN;
      case RETRY_PENDING -> Category.RETRY;
      default -> Category.NONE;
    };
  }

  /**
   * The due time of the timer {@code after} needs, given what {@code before} had; {@code before.timerAt()} when
   * the category and attempt did not change; null for none.
   */
  static Instant dueAt(Deployment before, Deployment after, Timeouts timeouts, Instant now) {
    Category category = category(after.state());
    if (before != null && category == category(before.state()) && before.attempt() == after.attempt()) {
      return before.timerAt();
    }
    Duration limit = switch (category) {
      case NONE -> Duration.ZERO;
      case UNRESPONSIVE -> timeouts.unresponsive();
      case DOWNLOADING -> timeouts.downloading();
      case INSTALLING -> timeouts.installing();
      case TECHNICIAN -> timeouts.awaitingTechnician();
      case RETRY -> null;
    };
    if (limit == null) {
      return after.nextAttemptAt();
    }
    return limit.isZero() ? null : now.plus(limit);
  }

  /** The words for a deployment failed by its timeout. */
  static String timedOut(DeploymentState state, Timeouts timeouts) {
    Duration limit = switch (category(state)) {
      case UNRESPONSIVE -> timeouts.unresponsive();
      case DOWNLOADING -> timeouts.downloading();
      case INSTALLING -> timeouts.installing();
      case TECHNICIAN -> timeouts.awaitingTechnician();
      default -> Duration.ZERO;
    };
    return "timed out: " + state + " for longer than " + dev.convoy.server.campaign.plan.Durations.words(limit);
  }
}
