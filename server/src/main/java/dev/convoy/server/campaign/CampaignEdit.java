package dev.convoy.server.campaign;

import dev.convoy.server.campaign.plan.CampaignPlan;
import dev.convoy.server.campaign.plan.DeferralPolicy;
import dev.convoy.server.campaign.plan.NoticeSpec;
import dev.convoy.server.campaign.plan.WaveSpec;
import dev.convoy.server.campaign.plan.WindowSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An edit of a not yet started campaign: each field null (or {@code changeStartAt} false) keeps what the campaign
 * has. Immutable.
 *
 * @param startAt with {@code changeStartAt}: the new start time, or null to start when started
 * @param comment why, for the audit log
 */
public record CampaignEdit(Targets targets, boolean changeStartAt, Instant startAt, List<WindowSpec> windows,
    List<WaveSpec> waves, NoticeSpec notice, DeferralPolicy deferral, String comment) {
  public CampaignEdit {
    windows = windows == null ? null : List.copyOf(windows);
    waves = waves == null ? null : List.copyOf(waves);
    comment = Objects.requireNonNullElse(comment, "");
  }

  /** {@code plan} with this edit applied (not validated yet). */
  public CampaignPlan applyTo(CampaignPlan p) {
    return new CampaignPlan(changeStartAt ? startAt : p.startAt(), windows != null ? windows : p.windowSpecs(),
        notice != null ? notice : p.notice(), deferral != null ? deferral : p.deferral(), p.deadline(),
        waves != null ? waves : p.waves(), p.onError(), p.timeouts(), p.retry(), p.prestage(), p.preset());
  }

  /** What changed between {@code before} and {@code after}, in words: "targets, start time". */
  public static String changes(Campaign before, Campaign after) {
    List<String> parts = new ArrayList<>();
    CampaignPlan a = before.plan();
    CampaignPlan b = after.plan();
    add(parts, !before.targets().equals(after.targets()), "targets");
    add(parts, !Objects.equals(a.startAt(), b.startAt()), "start time");
    add(parts, !a.windowSpecs().equals(b.windowSpecs()), "windows");
    add(parts, !a.waves().equals(b.waves()), "waves");
    add(parts, !a.notice().equals(b.notice()), "notice");
    add(parts, !a.deferral().equals(b.deferral()), "deferral");
    return String.join(", ", parts);
  }

  private static void add(List<String> parts, boolean changed, String name) {
    if (changed) {
      parts.add(name);
    }
  }
}
