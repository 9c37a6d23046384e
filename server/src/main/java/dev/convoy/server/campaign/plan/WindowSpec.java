package dev.convoy.server.campaign.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * A maintenance window as the admin wrote it: an RRULE or cron recurrence of start times, a wall-clock length and a
 * zone ({@code endpoint} = each endpoint's own). Compiled and validated by {@link CampaignPlan#windows()}.
 */
public record WindowSpec(String rrule, String cron, Duration duration, String zone) {
  public static final String ENDPOINT_ZONE = "endpoint";

  public WindowSpec {
    rrule = Objects.requireNonNullElse(rrule, "");
    cron = Objects.requireNonNullElse(cron, "");
    duration = Objects.requireNonNullElse(duration, Duration.ZERO);
    zone = zone == null || zone.isBlank() ? ENDPOINT_ZONE : zone;
  }
}
