package dev.convoy.server.campaign.plan;

import dev.convoy.server.error.ConvoyException;
import java.time.Duration;
import java.util.List;

/**
 * Named starting points for common campaigns. A preset fills only what the request left unset.
 *
 * <p>{@code weekend} — the office-suite story: PUSH, downloads pre-staged during the week, a notice 72 h before,
 * installs in the window Saturday 00:00 to Sunday 23:59 in each endpoint's own zone.
 */
public final class Presets {
  public static final String WEEKEND = "weekend";
  public static final WindowSpec WEEKEND_WINDOW = new WindowSpec("FREQ=WEEKLY;BYDAY=SA;BYHOUR=0;BYMINUTE=0;BYSECOND=0",
      "", Duration.ofHours(47).plusMinutes(59), WindowSpec.ENDPOINT_ZONE);
  public static final Duration WEEKEND_NOTICE_LEAD = Duration.ofHours(72);

  private Presets() {}

  /**
   * @param noPrestage the request asked for downloads inside the windows only
   * @throws ConvoyException INVALID_ARGUMENT for an unknown preset name
   */
  public static CampaignPlan apply(String preset, CampaignPlan plan, boolean noPrestage) {
    if (preset == null || preset.isBlank()) {
      return plan;
    }
    if (!preset.equals(WEEKEND)) {
      throw ConvoyException.invalidArgument("preset: '" + preset + "' (expected: weekend, or none)");
    }
    List<WindowSpec> windows = plan.windowSpecs().isEmpty() ? List.of(WEEKEND_WINDOW) : plan.windowSpecs();
    NoticeSpec notice = plan.notice().leadTime().isZero()
        ? new NoticeSpec(plan.notice().title(), plan.notice().message(), WEEKEND_NOTICE_LEAD) : plan.notice();
    return new CampaignPlan(plan.startAt(), windows, notice, plan.deferral(), plan.deadline(), plan.waves(),
        plan.onError(), plan.timeouts(), plan.retry(), !noPrestage, WEEKEND);
  }
}
