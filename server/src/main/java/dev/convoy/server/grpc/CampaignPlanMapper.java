package dev.convoy.server.grpc;

import com.google.protobuf.Duration;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.DeferralPolicy;
import dev.convoy.protocol.v1.ErrorAction;
import dev.convoy.protocol.v1.MaintenanceWindow;
import dev.convoy.protocol.v1.NoticeSpec;
import dev.convoy.protocol.v1.RetryPolicy;
import dev.convoy.protocol.v1.Threshold;
import dev.convoy.protocol.v1.Timeouts;
import dev.convoy.protocol.v1.WaveSpec;
import dev.convoy.server.campaign.plan.CampaignPlan;
import dev.convoy.server.campaign.plan.Presets;
import dev.convoy.server.campaign.plan.WindowSpec;
import dev.convoy.server.error.ConvoyException;
import java.util.HashSet;
import java.util.List;

/** A campaign's plan between the protocol and the domain; a preset is applied on the way in. Stateless. */
final class CampaignPlanMapper {
  private CampaignPlanMapper() {}

  static CampaignPlan plan(CreateCampaignRequest r) {
    List<WindowSpec> windows = r.getWindowsList().stream().map(w -> new WindowSpec(w.getRrule(), w.getCron(),
        duration(w.getDuration()), w.getZone())).toList();
    NoticeSpec n = r.getNotice();
    dev.convoy.server.campaign.plan.Timeouts timeouts = new dev.convoy.server.campaign.plan.Timeouts(
        duration(r.getTimeouts().getDownloading()), duration(r.getTimeouts().getInstalling()),
        duration(r.getTimeouts().getAwaitingTechnician()), duration(r.getTimeouts().getUnresponsive()));
    int maxAttempts = r.getRetry().getMaxAttempts() == 0 ? 1 : r.getRetry().getMaxAttempts();
    CampaignPlan plan = new CampaignPlan(ProtoMapper.instantOrNull(r.getStartAt()), windows,
        new dev.convoy.server.campaign.plan.NoticeSpec(n.getTitle(), n.getMessage(), duration(n.getLeadTime())),
        new dev.convoy.server.campaign.plan.DeferralPolicy(r.getDeferral().getMaxCount(),
            duration(r.getDeferral().getMaxTotal())),
        r.hasDeadline() ? ProtoMapper.instantOrNull(r.getDeadline()) : null,
        waves(r.getWavesList()), errorAction(r.getOnError(), r.getOnErrorValue()), timeouts,
        new dev.convoy.server.campaign.plan.RetryPolicy(maxAttempts, duration(r.getRetry().getBackoff()),
            new HashSet<>(r.getRetry().getRetryableExitCodesList())),
        !r.getNoPrestage(), "");
    return Presets.apply(r.getPreset(), plan, r.getNoPrestage());
  }

  static List<dev.convoy.server.campaign.plan.WaveSpec> waves(List<WaveSpec> waves) {
    return waves.stream().map(w -> new dev.convoy.server.campaign.plan.WaveSpec(w.getName(), w.getGroupsList(),
        w.getPercent(), w.hasSuccess() ? threshold(w.getSuccess())
            : dev.convoy.server.campaign.plan.WaveSpec.DEFAULT_SUCCESS,
        w.hasError() ? threshold(w.getError()) : dev.convoy.server.campaign.plan.WaveSpec.DEFAULT_ERROR,
        w.getMinSample() == 0 ? 1 : w.getMinSample(), duration(w.getSoak()), w.getRequireGo())).toList();
  }

  private static dev.convoy.server.campaign.plan.Threshold threshold(Threshold t) {
    return switch (t.getKindCase()) {
      case PERCENT -> dev.convoy.server.campaign.plan.Threshold.percentOf(t.getPercent());
      case COUNT -> dev.convoy.server.campaign.plan.Threshold.count(t.getCount());
      case KIND_NOT_SET -> throw ConvoyException.invalidArgument(
          "threshold: neither percent nor count (expected: one of them)");
    };
  }

  private static dev.convoy.server.campaign.plan.ErrorAction errorAction(ErrorAction a, int value) {
    return switch (a) {
      case ERROR_ACTION_UNSPECIFIED, PAUSE -> dev.convoy.server.campaign.plan.ErrorAction.PAUSE;
      case ABORT -> dev.convoy.server.campaign.plan.ErrorAction.ABORT;
      default -> throw ConvoyException.invalidArgument("on_error: " + value + " (expected: PAUSE or ABORT)");
    };
  }

  /** The duration as sent; a negative one reaches the domain's checks, which name the field. */
  static java.time.Duration duration(Duration d) {
    return java.time.Duration.ofSeconds(d.getSeconds(), Math.max(-999_999_999, Math.min(d.getNanos(), 999_999_999)));
  }

  static Duration duration(java.time.Duration d) {
    return Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
  }

  /** The plan as the protocol shows it in a Campaign. */
  static void plan(CampaignPlan p, dev.convoy.protocol.v1.Campaign.Builder b) {
    if (p.startAt() != null) {
      b.setStartAt(ProtoMapper.timestamp(p.startAt()));
    }
    if (p.deadline() != null) {
      b.setDeadline(ProtoMapper.timestamp(p.deadline()));
    }
    p.windowSpecs().forEach(w -> b.addWindows(MaintenanceWindow.newBuilder().setRrule(w.rrule()).setCron(w.cron())
        .setDuration(duration(w.duration())).setZone(w.zone())));
    b.setNotice(NoticeSpec.newBuilder().setTitle(p.notice().title()).setMessage(p.notice().message())
        .setLeadTime(duration(p.notice().leadTime())));
    b.setDeferral(DeferralPolicy.newBuilder().setMaxCount(p.deferral().maxCount())
        .setMaxTotal(duration(p.deferral().maxTotal())));
    b.setOnError(ErrorAction.valueOf(p.onError().name()));
    b.setTimeouts(Timeouts.newBuilder().setDownloading(duration(p.timeouts().downloading()))
        .setInstalling(duration(p.timeouts().installing()))
        .setAwaitingTechnician(duration(p.timeouts().awaitingTechnician()))
        .setUnresponsive(duration(p.timeouts().unresponsive())));
    b.setRetry(RetryPolicy.newBuilder().setMaxAttempts(p.retry().maxAttempts())
        .setBackoff(duration(p.retry().backoff())).addAllRetryableExitCodes(p.retry().retryableExitCodes()));
    b.setPrestage(p.prestage()).setPreset(p.preset());
  }

  static WaveSpec wave(dev.convoy.server.campaign.plan.WaveSpec w) {
    WaveSpec.Builder b = WaveSpec.newBuilder().setName(w.name()).addAllGroups(w.groups()).setPercent(w.percent())
        .setSuccess(threshold(w.success())).setMinSample(w.minSample()).setSoak(duration(w.soak()))
        .setRequireGo(w.requireGo());
    if (w.error() != null) {
      b.setError(threshold(w.error()));
    }
    return b.build();
  }

  private static Threshold threshold(dev.convoy.server.campaign.plan.Threshold t) {
    return t.percent() ? Threshold.newBuilder().setPercent(t.value()).build()
        : Threshold.newBuilder().setCount((int) t.value()).build();
  }
}
