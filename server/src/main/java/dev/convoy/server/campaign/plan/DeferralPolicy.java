package dev.convoy.server.campaign.plan;

import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import java.time.Duration;
import java.util.Objects;

/**
 * How much a user may postpone an install: at most {@code maxCount} times and, if {@code maxTotal} is not zero, at
 * most that much time in total; never past the campaign's deadline.
 */
public record DeferralPolicy(int maxCount, Duration maxTotal) {
  public DeferralPolicy {
    maxTotal = Objects.requireNonNullElse(maxTotal, Duration.ZERO);
  }

  public static DeferralPolicy none() {
    return new DeferralPolicy(0, Duration.ZERO);
  }

  public boolean allowed() {
    return maxCount > 0;
  }

  /** @throws ConvoyException INVALID_ARGUMENT naming {@code deferral.*} */
  public DeferralPolicy validated() {
    Require.inRange("deferral.max_count", maxCount, 0, 100);
    if (maxTotal.isNegative() || maxTotal.compareTo(Duration.ofDays(90)) > 0) {
      throw ConvoyException.invalidArgument("deferral.max_total: " + maxTotal + " (expected: 0 to 90 days)");
    }
    return this;
  }
}
