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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Phased rollouts: a pilot wave of four endpoints (group "pilot") and the rest (six in group "lab"). The pilot's
 * error threshold breached stops the campaign (PAUSE or ABORT) with no endpoint of a later wave ever offered; a
 * pilot that succeeds widens only after its soak time, and only after {@code advance} when a go is required.
 */
class PhasedGateTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2027-06-07T08:00:00Z"));
  private CampaignFixture f;
  private final List<String> pilot = new ArrayList<>();
  private final List<String> rest = new ArrayList<>();
  private final Map<String, SimulatedAgent> agents = new java.util.TreeMap<>();

  @BeforeEach
  void open() throws Exception {
    f = new CampaignFixture(dir, clock);
    f.release("1.0.0");
    for (int i = 0; i < 10; i++) {
      String id = String.format("ep-%016x", 0xc00 + i);
      f.endpoint(id, i < 4 ? "pilot" : "lab");
      (i < 4 ? pilot : rest).add(id);
      agents.put(id, new SimulatedAgent(id, f.deployments, clock));
    }
  }

  @AfterEach
  void close() {
    f.close();
  }

  private Campaign phased(WaveSpec pilotWave, ErrorAction onError) {
    CampaignPlan plan = new CampaignPlan(null, List.of(), NoticeSpec.none(), DeferralPolicy.none(), null,
        List.of(pilotWave, new WaveSpec("everyone", List.of(), 100, Threshold.percentOf(90), Threshold.percentOf(10),
            1, Duration.ZERO, false)), onError, Timeouts.none(), RetryPolicy.none(), true, "");
    Campaign campaign = f.campaigns.create(new NewCampaign("hello", "1.0.0",
        new Targets(false, List.of("pilot", "lab"), List.of()), "phased", Delivery.PUSH, Rollout.PHASED,
        Execution.AUTOMATIC, "admin", DeploymentAction.INSTALL, false, plan));
    return f.campaigns.start(campaign.id());
  }

  private static WaveSpec pilotWave(Duration soak, boolean go) {
    return new WaveSpec("pilot", List.of("pilot"), 0, Threshold.percentOf(75), Threshold.count(1), 2, soak, go);
  }

  private void stepAll() {
    agents.values().forEach(SimulatedAgent::step);
    f.scheduler.tick();
  }

  @ParameterizedTest
  @EnumSource(ErrorAction.class)
  void pilotFailuresAboveThreshold_campaignStopsAndNoLaterWaveEndpointStarts(ErrorAction action) {
    Campaign campaign = phased(pilotWave(Duration.ofHours(1), false), action);
    agents.get(pilot.get(0)).behaviour = SimulatedAgent.Behaviour.FAIL;
    agents.get(pilot.get(1)).behaviour = SimulatedAgent.Behaviour.FAIL;
    agents.get(pilot.get(2)).behaviour = SimulatedAgent.Behaviour.OFFLINE; // still to come when the breach happens

    for (int i = 0; i < 5; i++) {
      stepAll();
      clock.advance(Duration.ofHours(1));
    }

    Campaign stopped = f.campaigns.require(campaign.id());
    assertThat(stopped.state()).isEqualTo(action == ErrorAction.PAUSE ? CampaignState.PAUSED : CampaignState.ABORTED);
    assertThat(stopped.stateReason()).startsWith("wave pilot breached its error threshold: ")
        .contains("errors 2/");
    assertThat(stopped.wave(0).state()).isEqualTo(WaveState.BREACHED);
    assertThat(stopped.wave(1).state()).isEqualTo(WaveState.QUEUED);
    for (String id : rest) {
      assertThat(agents.get(id).permits).as("later wave never installs").isEmpty();
      assertThat(f.deployments.desiredState(id).assignments()).as("later wave never offered").isEmpty();
      assertThat(f.deploymentOf(campaign.id(), id).history()).extracting(StateChange::state)
          .isEqualTo(action == ErrorAction.PAUSE ? List.of(DeploymentState.QUEUED)
              : List.of(DeploymentState.QUEUED, DeploymentState.CANCELLED));
    }
    Deployment late = f.deploymentOf(campaign.id(), pilot.get(2));
    if (action == ErrorAction.PAUSE) {
      assertThat(late.state()).isEqualTo(DeploymentState.PENDING);
      agents.get(pilot.get(2)).behaviour = SimulatedAgent.Behaviour.SUCCEED;
      stepAll();
      assertThat(agents.get(pilot.get(2)).refusals).as("a paused campaign holds installs")
          .anyMatch(r -> r.contains("is PAUSED"));
      assertThat(f.commands.resume(campaign.id(), "alice", "known issue on two old laptops").state())
          .isEqualTo(CampaignState.RUNNING);
      for (int i = 0; i < 3; i++) {
        stepAll();
        clock.advance(Duration.ofHours(1));
      }
      Campaign stalled = f.campaigns.require(campaign.id());
      assertThat(stalled.state()).as("errors accepted, but 2/4 succeeded is below 75 %").isEqualTo(
          CampaignState.PAUSED);
      assertThat(stalled.wave(0).state()).isEqualTo(WaveState.STALLED);
      assertThat(stalled.stateReason()).startsWith("wave pilot finished below its success threshold");
      f.commands.advance(campaign.id(), "alice", "go anyway");
      for (int i = 0; i < 2; i++) {
        stepAll();
        clock.advance(Duration.ofHours(1));
      }
      assertThat(f.campaigns.require(campaign.id()).state()).isEqualTo(CampaignState.COMPLETED);
    } else {
      assertThat(late.state()).isEqualTo(DeploymentState.CANCELLED);
      assertThat(f.deployments.desiredState(pilot.get(2)).assignments()).isEmpty();
    }
  }

  @Test
  void pilotSucceeds_widensOnlyAfterSoak() {
    Campaign campaign = phased(pilotWave(Duration.ofHours(24), false), ErrorAction.PAUSE);
    stepAll();
    Campaign soaking = f.campaigns.require(campaign.id());
    assertThat(soaking.wave(0).state()).isEqualTo(WaveState.SOAKING);
    assertThat(soaking.wave(0).soakUntil()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));

    clock.advance(Duration.ofHours(23).plusMinutes(59));
    stepAll();
    assertThat(f.campaigns.require(campaign.id()).wave(1).state()).isEqualTo(WaveState.QUEUED);
    assertThat(rest.stream().allMatch(id -> agents.get(id).permits.isEmpty())).isTrue();

    clock.advance(Duration.ofMinutes(1));
    f.scheduler.tick();
    Campaign widened = f.campaigns.require(campaign.id());
    assertThat(widened.wave(0).state()).isEqualTo(WaveState.PASSED);
    assertThat(widened.wave(1).state()).isEqualTo(WaveState.OPEN);
    assertThat(widened.wave(1).openedAt()).isEqualTo(clock.instant());
    stepAll();
    assertThat(f.campaigns.require(campaign.id()).state()).isEqualTo(CampaignState.COMPLETED);
    for (String id : rest) {
      assertThat(agents.get(id).permits).containsExactly(clock.instant());
    }
  }

  @Test
  void pilotSucceeds_requiresGo_widensOnlyAfterAdvance() {
    Campaign campaign = phased(pilotWave(Duration.ofHours(2), true), ErrorAction.PAUSE);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> f.commands.advance(campaign.id(), "alice", "")))
        .hasMessage("wave pilot is OPEN (expected: AWAITING_GO, or STALLED, to advance)");
    stepAll();
    clock.advance(Duration.ofHours(3));
    stepAll();
    Campaign waiting = f.campaigns.require(campaign.id());
    assertThat(waiting.wave(0).state()).isEqualTo(WaveState.AWAITING_GO);
    assertThat(waiting.wave(1).state()).isEqualTo(WaveState.QUEUED);
    clock.advance(Duration.ofDays(3));
    stepAll();
    assertThat(f.campaigns.require(campaign.id()).wave(1).state()).as("no go, no widening").isEqualTo(WaveState.QUEUED);

    Campaign advanced = f.commands.advance(campaign.id(), "alice", "pilot users happy");
    assertThat(advanced.wave(0).state()).isEqualTo(WaveState.PASSED);
    assertThat(advanced.wave(1).state()).isEqualTo(WaveState.OPEN);
    stepAll();
    assertThat(f.campaigns.require(campaign.id()).state()).isEqualTo(CampaignState.COMPLETED);
  }

  @Test
  void restart_midSoak_resumesWhereItWas() throws Exception {
    Campaign campaign = phased(pilotWave(Duration.ofHours(6), false), ErrorAction.PAUSE);
    stepAll();
    f.reopen();
    clock.advance(Duration.ofHours(6));
    f.campaigns.recover();
    f.scheduler.tick();
    assertThat(f.campaigns.require(campaign.id()).wave(1).state()).isEqualTo(WaveState.OPEN);
  }

  @Test
  void rollbackWave_uninstallsWhereItSucceeded() {
    Campaign campaign = phased(pilotWave(Duration.ofHours(6), true), ErrorAction.PAUSE);
    agents.get(pilot.get(3)).behaviour = SimulatedAgent.Behaviour.FAIL;
    stepAll();
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> f.commands.rollbackWave(campaign.id(), 0, "",
        "alice"))).hasMessageContaining("is RUNNING (expected: PAUSED, ABORTED, CANCELLED or COMPLETED");
    f.commands.pause(campaign.id(), "alice", "users report a crash");
    Campaign rollback = f.commands.rollbackWave(campaign.id(), 0, "", "alice");
    assertThat(rollback.action()).isEqualTo(DeploymentAction.UNINSTALL);
    assertThat(rollback.rollbackOf()).isEqualTo(campaign.id() + "#0");
    assertThat(rollback.targets().endpointIds()).containsExactlyElementsOf(pilot.subList(0, 3));
    assertThat(rollback.state()).isEqualTo(CampaignState.RUNNING);
    agents.values().forEach(a -> a.behaviour = SimulatedAgent.Behaviour.SUCCEED);
    stepAll();
    assertThat(f.campaigns.require(rollback.id()).state()).isEqualTo(CampaignState.COMPLETED);
  }

  @Test
  void groupWavesCoveringEveryTarget_noEmptyRestWave_completes() {
    CampaignPlan plan = new CampaignPlan(null, List.of(), NoticeSpec.none(), DeferralPolicy.none(), null,
        List.of(new WaveSpec("pilot", List.of("pilot"), 0, Threshold.percentOf(100), null, 1, Duration.ZERO, false),
            new WaveSpec("lab", List.of("lab"), 0, Threshold.percentOf(100), null, 1, Duration.ZERO, false)),
        ErrorAction.PAUSE, Timeouts.none(), RetryPolicy.none(), true, "");
    Campaign campaign = f.campaigns.start(f.campaigns.create(new NewCampaign("hello", "1.0.0",
        new Targets(false, List.of("pilot", "lab"), List.of()), "groups only", Delivery.PUSH, Rollout.PHASED,
        Execution.AUTOMATIC, "admin", DeploymentAction.INSTALL, false, plan)).id());
    assertThat(campaign.waves()).extracting(WaveProgress::name).containsExactly("pilot", "lab");
    stepAll();
    stepAll();
    Campaign done = f.campaigns.require(campaign.id());
    assertThat(done.state()).isEqualTo(CampaignState.COMPLETED);
    assertThat(done.waves()).extracting(WaveProgress::state).containsOnly(WaveState.PASSED);
  }
}
