package dev.convoy.server.governance;

import java.time.Duration;
import java.util.Objects;

/**
 * How strictly the server governs production campaigns. Immutable. In {@code server.properties}:
 * {@code governance.require-approval}, {@code governance.require-readiness}, {@code governance.pilot-max-targets},
 * {@code governance.minimum-notice-lead}.
 *
 * @param requireApproval a production campaign starts only once its Accountable approved it and every Consulted
 *     person acknowledged (or was waived); default true. Off is for small shops and benchmarks: the server warns at
 *     startup and records it in the audit log.
 * @param requireReadiness a production INSTALL campaign needs a ready release (runbook, user documentation, a
 *     technician KB article, a training item, or their waivers); default: as {@code requireApproval}
 * @param pilotMaxTargets the most endpoints a pilot campaign may target; default 25
 * @param minimumNoticeLead a production campaign whose notice lead is shorter starts only with the Accountable's
 *     notice override; default 0 (no minimum)
 */
public record GovernanceConfig(boolean requireApproval, boolean requireReadiness, int pilotMaxTargets,
    Duration minimumNoticeLead) {
  public static final int DEFAULT_PILOT_MAX_TARGETS = 25;

  public GovernanceConfig {
    Objects.requireNonNull(minimumNoticeLead, "minimumNoticeLead");
    if (pilotMaxTargets < 1) {
      throw new IllegalArgumentException("pilotMaxTargets: " + pilotMaxTargets + " (expected: >= 1)");
    }
    if (minimumNoticeLead.isNegative()) {
      throw new IllegalArgumentException("minimumNoticeLead: " + minimumNoticeLead + " (expected: >= 0)");
    }
  }

  /** Strict: approval and readiness required, pilots up to 25 endpoints, no minimum notice. */
  public static GovernanceConfig defaults() {
    return new GovernanceConfig(true, true, DEFAULT_PILOT_MAX_TARGETS, Duration.ZERO);
  }

  /** Neither approval nor readiness required (benchmarks, tests that are not about governance). */
  public static GovernanceConfig permissive() {
    return new GovernanceConfig(false, false, DEFAULT_PILOT_MAX_TARGETS, Duration.ZERO);
  }

  public GovernanceConfig withRequireApproval(boolean value) {
    return new GovernanceConfig(value, requireReadiness, pilotMaxTargets, minimumNoticeLead);
  }

  public GovernanceConfig withRequireReadiness(boolean value) {
    return new GovernanceConfig(requireApproval, value, pilotMaxTargets, minimumNoticeLead);
  }

  public GovernanceConfig withPilotMaxTargets(int value) {
    return new GovernanceConfig(requireApproval, requireReadiness, value, minimumNoticeLead);
  }

  public GovernanceConfig withMinimumNoticeLead(Duration value) {
    return new GovernanceConfig(requireApproval, requireReadiness, pilotMaxTargets, value);
  }
}
