package dev.convoy.server.storage.rocksdb;

import dev.convoy.server.campaign.Targets;
import dev.convoy.server.campaign.WaveProgress;
import dev.convoy.server.campaign.WaveState;
import dev.convoy.server.campaign.plan.CampaignPlan;
import dev.convoy.server.campaign.plan.DeferralPolicy;
import dev.convoy.server.campaign.plan.ErrorAction;
import dev.convoy.server.campaign.plan.NoticeSpec;
import dev.convoy.server.campaign.plan.RetryPolicy;
import dev.convoy.server.campaign.plan.Threshold;
import dev.convoy.server.campaign.plan.Timeouts;
import dev.convoy.server.campaign.plan.WaveSpec;
import dev.convoy.server.campaign.plan.WindowSpec;
import dev.convoy.server.storage.rocksdb.v1.CampaignPlanRecord;
import dev.convoy.server.storage.rocksdb.v1.TargetsRecord;
import dev.convoy.server.storage.rocksdb.v1.ThresholdRecord;
import dev.convoy.server.storage.rocksdb.v1.WaveProgressRecord;
import dev.convoy.server.storage.rocksdb.v1.WaveSpecRecord;
import dev.convoy.server.storage.rocksdb.v1.WindowRecord;
import java.util.HashSet;

/** Storage records for a campaign's targets, plan and waves. Stateless. */
final class CampaignRecords {
  private CampaignRecords() {}

  static TargetsRecord targets(Targets t) {
    return TargetsRecord.newBuilder().setAll(t.all()).addAllGroups(t.groups()).addAllEndpointIds(t.endpointIds())
        .addAllExcludeGroups(t.excludeGroups()).addAllExcludeEndpointIds(t.excludeEndpointIds()).build();
  }

  static Targets targets(TargetsRecord r) {
    return new Targets(r.getAll(), r.getGroupsList(), r.getEndpointIdsList(), r.getExcludeGroupsList(),
        r.getExcludeEndpointIdsList());
  }

  static CampaignPlanRecord plan(CampaignPlan p) {
    CampaignPlanRecord.Builder b = CampaignPlanRecord.newBuilder()
        .setNoticeTitle(p.notice().title()).setNoticeMessage(p.notice().message())
        .setNoticeLeadTime(Keys.duration(p.notice().leadTime()))
        .setDeferralMaxCount(p.deferral().maxCount()).setDeferralMaxTotal(Keys.duration(p.deferral().maxTotal()))
        .setOnError(p.onError().name())
        .setTimeoutDownloading(Keys.duration(p.timeouts().downloading()))
        .setTimeoutInstalling(Keys.duration(p.timeouts().installing()))
        .setTimeoutAwaitingTechnician(Keys.duration(p.timeouts().awaitingTechnician()))
        .setTimeoutUnresponsive(Keys.duration(p.timeouts().unresponsive()))
        .setRetryMaxAttempts(p.retry().maxAttempts()).setRetryBackoff(Keys.duration(p.retry().backoff()))
        .addAllRetryExitCodes(p.retry().retryableExitCodes()).setNoPrestage(!p.prestage()).setPreset(p.preset());
    if (p.startAt() != null) {
      b.setStartAt(Keys.timestamp(p.startAt()));
    }
    if (p.deadline() != null) {
      b.setDeadline(Keys.timestamp(p.deadline()));
    }
    p.windowSpecs().forEach(w -> b.addWindows(WindowRecord.newBuilder().setRrule(w.rrule()).setCron(w.cron())
        .setDuration(Keys.duration(w.duration())).setZone(w.zone())));
    p.waves().forEach(w -> b.addWaves(wave(w)));
    return b.build();
  }

  static CampaignPlan plan(boolean present, CampaignPlanRecord r) {
    if (!present) {
      return CampaignPlan.immediate();
    }
    return new CampaignPlan(Keys.instantOrNull(r.hasStartAt(), r.getStartAt()),
        r.getWindowsList().stream().map(w -> new WindowSpec(w.getRrule(), w.getCron(), Keys.duration(w.getDuration()),
            w.getZone())).toList(),
        new NoticeSpec(r.getNoticeTitle(), r.getNoticeMessage(), Keys.duration(r.getNoticeLeadTime())),
        new DeferralPolicy(r.getDeferralMaxCount(), Keys.duration(r.getDeferralMaxTotal())),
        Keys.instantOrNull(r.hasDeadline(), r.getDeadline()),
        r.getWavesList().stream().map(CampaignRecords::wave).toList(),
        r.getOnError().isEmpty() ? ErrorAction.PAUSE : ErrorAction.valueOf(r.getOnError()),
        new Timeouts(Keys.duration(r.getTimeoutDownloading()), Keys.duration(r.getTimeoutInstalling()),
            Keys.duration(r.getTimeoutAwaitingTechnician()), Keys.duration(r.getTimeoutUnresponsive())),
        new RetryPolicy(Math.max(1, r.getRetryMaxAttempts()), Keys.duration(r.getRetryBackoff()),
            new HashSet<>(r.getRetryExitCodesList())),
        !r.getNoPrestage(), r.getPreset());
  }

  static WaveSpecRecord wave(WaveSpec w) {
    WaveSpecRecord.Builder b = WaveSpecRecord.newBuilder().setName(w.name()).addAllGroups(w.groups())
        .setPercent(w.percent()).setSuccess(threshold(w.success())).setMinSample(w.minSample())
        .setSoak(Keys.duration(w.soak())).setRequireGo(w.requireGo());
    if (w.error() != null) {
      b.setError(threshold(w.error()));
    }
    return b.build();
  }

  static WaveSpec wave(WaveSpecRecord r) {
    return new WaveSpec(r.getName(), r.getGroupsList(), r.getPercent(), threshold(r.getSuccess()),
        r.hasError() ? threshold(r.getError()) : null, r.getMinSample(), Keys.duration(r.getSoak()),
        r.getRequireGo());
  }

  private static ThresholdRecord threshold(Threshold t) {
    return ThresholdRecord.newBuilder().setPercent(t.percent()).setValue(t.value()).build();
  }

  private static Threshold threshold(ThresholdRecord r) {
    return new Threshold(r.getPercent(), r.getValue());
  }

  static WaveProgressRecord progress(WaveProgress w) {
    WaveProgressRecord.Builder b = WaveProgressRecord.newBuilder().setIndex(w.index()).setSpec(wave(w.spec()))
        .setState(w.state().name()).setSize(w.size()).setErrorsAccepted(w.errorsAccepted());
    if (w.openedAt() != null) {
      b.setOpenedAt(Keys.timestamp(w.openedAt()));
    }
    if (w.thresholdMetAt() != null) {
      b.setThresholdMetAt(Keys.timestamp(w.thresholdMetAt()));
    }
    if (w.soakUntil() != null) {
      b.setSoakUntil(Keys.timestamp(w.soakUntil()));
    }
    return b.build();
  }

  static WaveProgress progress(WaveProgressRecord r) {
    return new WaveProgress(r.getIndex(), wave(r.getSpec()), WaveState.valueOf(r.getState()), r.getSize(),
        Keys.instantOrNull(r.hasOpenedAt(), r.getOpenedAt()),
        Keys.instantOrNull(r.hasThresholdMetAt(), r.getThresholdMetAt()),
        Keys.instantOrNull(r.hasSoakUntil(), r.getSoakUntil()), r.getErrorsAccepted());
  }
}
