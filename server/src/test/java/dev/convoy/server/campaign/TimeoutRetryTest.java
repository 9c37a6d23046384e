package dev.convoy.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.campaign.plan.CampaignPlan;
import dev.convoy.server.campaign.plan.DeferralPolicy;
import dev.convoy.server.campaign.plan.ErrorAction;
import dev.convoy.server.campaign.plan.NoticeSpec;
import dev.convoy.server.campaign.plan.RetryPolicy;
import dev.convoy.server.campaign.plan.Threshold;
import dev.convoy.server.campaign.plan.Timeouts;
import dev.convoy.server.campaign.plan.WaveSpec;
import dev.convoy.server.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stuck and failing endpoints: a deployment that stops reporting becomes FAILED ("timed out") at its timeout and
 * counts toward its wave's error threshold; a retryable failure is retried per the policy (with backoff) and, when
 * it keeps failing, counted once.
 */
class TimeoutRetryTest {
  static final String A = "ep-0000000000000d01";
  static final String B = "ep-0000000000000d02";
  static final String C = "ep-0000000000000d03";
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2027-02-01T08:00:00Z"));
  private CampaignFixture f;

  @BeforeEach
  void open() throws Exception {
    f = new CampaignFixture(dir, clock);
    f.release("1.0.0");
    f.endpoint(A, "pilot");
    f.endpoint(B, "pilot");
    f.endpoint(C, "lab");
  }

  @AfterEach
  void close() {
    f.close();
  }

  private Campaign start(Timeouts timeouts, RetryPolicy retry, Threshold error) {
    CampaignPlan plan = new CampaignPlan(null, List.of(), NoticeSpec.none(), DeferralPolicy.none(), null,
        List.of(new WaveSpec("pilot", List.of("pilot"), 0, Threshold.percentOf(100), error, 1, Duration.ZERO,
            false)), ErrorAction.PAUSE, timeouts, retry, true, "");
    Campaign campaign = f.campaigns.create(new NewCampaign("hello", "1.0.0",
        new Targets(false, List.of("pilot", "lab"), List.of()), "", Delivery.PUSH, Rollout.PHASED,
        Execution.AUTOMATIC, "admin", DeploymentAction.INSTALL, false, plan));
    return f.campaigns.start(campaign.id());
  }

  @Test
  void stuckEndpoint_failedAtItsTimeout_countsTowardErrorThreshold() {
    Campaign campaign = start(new Timeouts(Duration.ofHours(2), Duration.ofHours(1), null, null), RetryPolicy.none(),
        Threshold.count(0));
    SimulatedAgent a = new SimulatedAgent(A, f.deployments, clock);
    SimulatedAgent b = new SimulatedAgent(B, f.deployments, clock);
    a.behaviour = SimulatedAgent.Behaviour.HANG_DOWNLOADING;
    a.step();
    assertThat(f.deploymentOf(campaign.id(), A).state()).isEqualTo(DeploymentState.DOWNLOADING);

    clock.advance(Duration.ofHours(1).plusMinutes(59));
    assertThat(f.scheduler.tick()).isZero();
    assertThat(f.deploymentOf(campaign.id(), A).state()).isEqualTo(DeploymentState.DOWNLOADING);
    clock.advance(Duration.ofMinutes(1));
    assertThat(f.scheduler.tick()).isEqualTo(1);

    Deployment stuck = f.deploymentOf(campaign.id(), A);
    assertThat(stuck.state()).isEqualTo(DeploymentState.FAILED);
    assertThat(stuck.timedOut()).isTrue();
    assertThat(stuck.detail()).isEqualTo("timed out: DOWNLOADING for longer than 2h");
    assertThat(f.deployments.desiredState(A).assignments()).isEmpty();
    Campaign paused = f.campaigns.require(campaign.id());
    assertThat(paused.state()).as("1 failure > 0 allowed").isEqualTo(CampaignState.PAUSED);
    assertThat(paused.stateReason()).contains("errors 1/1");
    assertThat(f.views.report(campaign.id()).timedOut()).isEqualTo(1);
    b.step();
    assertThat(f.deploymentOf(campaign.id(), B).installStartedAt()).as("paused: no install starts").isNull();
    assertThat(f.deploymentOf(campaign.id(), C).state()).isEqualTo(DeploymentState.QUEUED);
    assertThat(f.scheduler.tick()).as("the timer fired once").isZero();
  }

  @Test
  void retryableFailure_retriedPerPolicyThenCountedOnce() {
    Campaign campaign = start(Timeouts.none(), new RetryPolicy(3, Duration.ofMinutes(10), Set.of(75)),
        Threshold.count(1));
    SimulatedAgent a = new SimulatedAgent(A, f.deployments, clock);
    SimulatedAgent b = new SimulatedAgent(B, f.deployments, clock);
    a.behaviour = SimulatedAgent.Behaviour.FAIL;
    a.exitCode = 75; // listed as retryable by the campaign
    b.behaviour = SimulatedAgent.Behaviour.FAIL_RETRYABLE; // the installer itself says retryable
    a.step();
    b.step();
    Deployment waiting = f.deploymentOf(campaign.id(), A);
    assertThat(waiting.state()).isEqualTo(DeploymentState.RETRY_PENDING);
    assertThat(waiting.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
    assertThat(f.views.status(campaign.id()).failed()).as("not counted while retrying").isZero();

    clock.advance(Duration.ofMinutes(10));
    f.scheduler.tick();
    assertThat(f.deploymentOf(campaign.id(), A).attempt()).isEqualTo(2);
    a.step();
    assertThat(f.deploymentOf(campaign.id(), A).nextAttemptAt()).as("backoff doubles")
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(20)));
    clock.advance(Duration.ofMinutes(20));
    f.scheduler.tick();
    a.step();

    Deployment failed = f.deploymentOf(campaign.id(), A);
    assertThat(failed.state()).isEqualTo(DeploymentState.FAILED);
    assertThat(failed.attempt()).isEqualTo(3);
    assertThat(failed.history()).extracting(StateChange::state).containsSubsequence(
        DeploymentState.FAILED, DeploymentState.RETRY_PENDING, DeploymentState.PENDING, DeploymentState.OFFERED,
        DeploymentState.FAILED, DeploymentState.RETRY_PENDING, DeploymentState.PENDING,
        DeploymentState.FAILED);
    assertThat(failed.history().get(failed.history().size() - 1).state()).isEqualTo(DeploymentState.FAILED);

    b.behaviour = SimulatedAgent.Behaviour.SUCCEED;
    clock.advance(Duration.ofHours(1));
    f.scheduler.tick();
    b.step();
    assertThat(f.deploymentOf(campaign.id(), B).state()).isEqualTo(DeploymentState.SUCCEEDED);
    assertThat(f.deploymentOf(campaign.id(), B).attempt()).isEqualTo(2);

    Map<DeploymentState, Long> pilot = f.campaignStore.waveCounts(campaign.id()).get(0);
    assertThat(pilot).containsEntry(DeploymentState.FAILED, 1L).containsEntry(DeploymentState.SUCCEEDED, 1L);
    assertThat(pilot.getOrDefault(DeploymentState.RETRY_PENDING, 0L)).isZero();
    Campaign after = f.campaigns.require(campaign.id());
    assertThat(after.state()).as("1 failure is not more than the 1 allowed; 1/2 is below 100 %: stalled")
        .isEqualTo(CampaignState.PAUSED);
    assertThat(after.wave(0).state()).isEqualTo(WaveState.STALLED);
    assertThat(f.views.report(campaign.id()).retried()).isEqualTo(2);
    assertThat(f.views.report(campaign.id()).failed()).isEqualTo(1);
  }

  @Test
  void nonRetryableFailure_notRetried() {
    Campaign campaign = start(Timeouts.none(), new RetryPolicy(3, Duration.ofMinutes(10), Set.of(75)), null);
    SimulatedAgent a = new SimulatedAgent(A, f.deployments, clock);
    a.behaviour = SimulatedAgent.Behaviour.FAIL;
    a.exitCode = 2;
    a.step();
    assertThat(f.deploymentOf(campaign.id(), A).state()).isEqualTo(DeploymentState.FAILED);
    assertThat(f.deploymentOf(campaign.id(), A).attempt()).isEqualTo(1);
  }
}
