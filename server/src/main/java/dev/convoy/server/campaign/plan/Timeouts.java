package dev.convoy.server.campaign.plan;

import dev.convoy.server.error.ConvoyException;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a deployment may stay in a state before the server fails it ("timed out"), so that a stuck endpoint
 * counts against its wave's error threshold. Zero: no timeout.
 *
 * @param installing covers INSTALLING and VERIFYING
 * @param unresponsive covers PENDING and OFFERED: the endpoint never picked the deployment up
 */
public record Timeouts(Duration downloading, Duration installing, Duration awaitingTechnician,
    Duration unresponsive) {
  public Timeouts {
    downloading = Objects.requireNonNullElse(downloading, Duration.ZERO);
    installing = Objects.requireNonNullElse(installing, Duration.ZERO);
    awaitingTechnician = Objects.requireNonNullElse(awaitingTechnician, Duration.ZERO);
    unresponsive = Objects.requireNonNullElse(unresponsive, Duration.ZERO);
  }

  public static Timeouts none() {
    return new Timeouts(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /** @throws ConvoyException INVALID_ARGUMENT naming {@code timeouts.*} */
  public Timeouts validated() {
    check("timeouts.downloading", downloading);
    check("timeouts.installing", installing);
    check("timeouts.awaiting_technician", awaitingTechnician);
    check("timeouts.unresponsive", unresponsive);
    return this;
  }

  private static void check(String field, Duration d) {
    if (d.isNegative() || d.compareTo(Duration.ofDays(365)) > 0) {
      throw ConvoyException.invalidArgument(field + ": " + d + " (expected: 0 (none) to 365 days)");
    }
    if (!d.isZero() && d.compareTo(Duration.ofMinutes(1)) < 0) {
      throw ConvoyException.invalidArgument(field + ": " + d + " (expected: 0 (none) or at least 1 minute)");
    }
  }
}
