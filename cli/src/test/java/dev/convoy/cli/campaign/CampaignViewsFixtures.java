package dev.convoy.cli.campaign;

import com.google.protobuf.Timestamp;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignReport;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.Delivery;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.Execution;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.Rollout;
import dev.convoy.protocol.v1.StateChange;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.protocol.v1.WaveSpec;
import dev.convoy.protocol.v1.WaveState;
import dev.convoy.protocol.v1.WaveStatus;
import java.time.Instant;

/** A phased campaign with three waves, as the server would report it: for the golden renderings. */
final class CampaignViewsFixtures {
  private CampaignViewsFixtures() {}

  static Timestamp at(String instant) {
    return Timestamp.newBuilder().setSeconds(Instant.parse(instant).getEpochSecond()).build();
  }

  static Campaign campaign() {
    return Campaign.newBuilder().setCampaignId("c-7").setTitle("Office").setState(CampaignState.RUNNING)
        .setRelease(Release.newBuilder().setName("office").setVersion("7.6.4"))
        .setTargets(Targets.newBuilder().setAll(true).addExcludeGroups("kiosks"))
        .setDelivery(Delivery.PUSH).setRollout(Rollout.PHASED).setExecution(Execution.AUTOMATIC)
        .addWaves(WaveSpec.newBuilder().setName("pilot").addGroups("pilot"))
        .addWaves(WaveSpec.newBuilder().setName("broad").setPercent(50))
        .addWaves(WaveSpec.newBuilder().setName("rest").setPercent(100))
        .setCurrentWave(1).setStartedAt(at("2027-03-27T00:00:00Z")).build();
  }

  static WaveStatus wave(int index, String name, WaveState state, int size, int ok, int failed) {
    return WaveStatus.newBuilder().setIndex(index).setName(name).setState(state).setSize(size).setSucceeded(ok)
        .setFailed(failed).setInProgress(size - ok - failed).build();
  }

  static WaveStatus[] waves() {
    return new WaveStatus[] {
        wave(0, "pilot", WaveState.WAVE_PASSED, 4, 4, 0).toBuilder()
            .setGate("success 4/4 >= 90 %: met; errors 0/4 > 10 %: no").build(),
        wave(1, "broad", WaveState.WAVE_SOAKING, 10, 8, 1).toBuilder().setSoakUntil(at("2027-03-28T02:00:00Z"))
            .setGate("success 8/10 >= 80 %: met; errors 1/9 > 20 %: no").build(),
        wave(2, "rest", WaveState.WAVE_QUEUED, 6, 0, 0)};
  }

  static DeploymentStatus failed() {
    return DeploymentStatus.newBuilder().setEndpointId("ep-5").setHostname("pc-5").setWave(1)
        .setState(DeploymentState.FAILED).setAttempt(2).setExitCode(1603).setDetail("timed out installing after 30m")
        .setTimedOut(true).setUpdatedAt(at("2027-03-27T01:40:00Z")).build();
  }

  static DeploymentStatus deferred() {
    return DeploymentStatus.newBuilder().setEndpointId("ep-6").setHostname("pc-6").setWave(1)
        .setState(DeploymentState.DEFERRED).setAttempt(1).setDeferralCount(2)
        .setDeferredUntil(at("2027-03-27T08:00:00Z")).setNoticeDeliveredAt(at("2027-03-24T09:00:00Z"))
        .setUpdatedAt(at("2027-03-27T00:05:00Z"))
        .addHistory(change(DeploymentState.PENDING, "2027-03-24T08:59:00Z", ""))
        .addHistory(change(DeploymentState.OFFERED, "2027-03-24T08:59:30Z", ""))
        .addHistory(change(DeploymentState.NOTIFIED, "2027-03-24T09:00:00Z", "notice shown"))
        .addHistory(change(DeploymentState.DOWNLOADED, "2027-03-24T09:03:00Z", ""))
        .addHistory(change(DeploymentState.DEFERRED, "2027-03-27T00:05:00Z", "user: after my meeting"))
        .build();
  }

  static DeploymentStatus retrying() {
    return DeploymentStatus.newBuilder().setEndpointId("ep-7").setHostname("pc-7").setWave(1)
        .setState(DeploymentState.RETRY_PENDING).setAttempt(1).setExitCode(1618)
        .setDetail("another installation is in progress").setNextAttemptAt(at("2027-03-27T01:15:00Z")).build();
  }

  static CampaignStatus status() {
    DeploymentStatus ok = DeploymentStatus.newBuilder().setEndpointId("ep-1").setHostname("pc-1").setWave(0)
        .setState(DeploymentState.SUCCEEDED).setAttempt(1).setDetail("installed").build();
    return CampaignStatus.newBuilder().setCampaign(campaign()).setTotal(20).setSucceeded(12).setFailed(1)
        .setInProgress(7).putCounts("SUCCEEDED", 12).putCounts("FAILED", 1).putCounts("DEFERRED", 1)
        .putCounts("RETRY_PENDING", 1).putCounts("QUEUED", 6).putCounts("ALREADY_INSTALLED", 0)
        .addWaves(waves()[0]).addWaves(waves()[1]).addWaves(waves()[2])
        .setNextWindowStart(at("2027-04-03T00:00:00Z")).setPendingNotices(6)
        .addDeployments(ok).addDeployments(failed()).addDeployments(deferred()).addDeployments(retrying()).build();
  }

  static CampaignReport report() {
    Campaign campaign = campaign().toBuilder().setState(CampaignState.PAUSED)
        .setStateReason("wave 2 broad: errors 3/9 > 20 %").build();
    return CampaignReport.newBuilder().setCampaign(campaign).setGeneratedAt(at("2027-03-29T07:00:00Z"))
        .setTotal(20).setSucceeded(12).setFailed(1).setInProgress(7).setCancelled(0)
        .putCounts("SUCCEEDED", 12).putCounts("FAILED", 1).putCounts("QUEUED", 6).putCounts("DEFERRED", 1)
        .addWaves(waves()[0]).addWaves(waves()[1].toBuilder().setState(WaveState.WAVE_BREACHED).build())
        .addWaves(waves()[2])
        .setFirstInstallAt(at("2027-03-27T00:03:12Z")).setLastFinishedAt(at("2027-03-27T01:40:00Z"))
        .setNoticesDelivered(14).setDeferred(3).setRetried(2).setTimedOut(1)
        .addFailures(failed()).addUnfinished(deferred().toBuilder().clearHistory()).build();
  }

  private static StateChange change(DeploymentState state, String at, String detail) {
    return StateChange.newBuilder().setState(state).setAttempt(1).setAt(at(at)).setDetail(detail).build();
  }
}
