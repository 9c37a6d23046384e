package dev.convoy.server.campaign;

import static dev.convoy.server.campaign.DeploymentState.*;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every combination of the three axes, end to end on the engine (real RocksDB, injected clock, durable timers) with
 * simulated agents: the exact chain of states the server recorded for each deployment.
 *
 * <p>Setup for each: endpoint P in group "pilot", endpoint R in group "lab"; a one-hour notice lead time. PHASED has
 * a pilot wave (group pilot, 100 % success) and the rest; PULL users ask for the release in the catalogue; a
 * TECHNICIAN arrives at the desk two hours after the start.
 */
class CampaignAxesTest {
  static final String P = "ep-00000000000000a1";
  static final String R = "ep-00000000000000b2";
  static final Duration LEAD = Duration.ofHours(1);
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2027-05-03T08:00:00Z"));
  private CampaignFixture f;

  @BeforeEach
  void open() throws Exception {
    f = new CampaignFixture(dir, clock);
    f.endpoint(P, "pilot");
    f.endpoint(R, "lab");
    f.release("1.0.0");
  }

  @AfterEach
  void close() {
    f.close();
  }

  static Stream<Arguments> combinations() {
    List<Arguments> all = new ArrayList<>();
    for (Delivery delivery : Delivery.values()) {
      for (Rollout rollout : Rollout.values()) {
        for (Execution execution : Execution.values()) {
          all.add(Arguments.of(delivery, rollout, execution));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("combinations")
  void campaign_eachAxisCombination_exactStateChains(Delivery delivery, Rollout rollout, Execution execution) {
    boolean phased = rollout == Rollout.PHASED;
    List<WaveSpec> waves = phased ? List.of(new WaveSpec("pilot", List.of("pilot"), 0, Threshold.percentOf(100),
        Threshold.percentOf(0), 1, Duration.ZERO, false)) : List.of();
    CampaignPlan plan = new CampaignPlan(null, List.of(), new NoticeSpec("Mise à jour", "Hello 1.0 arrive.", LEAD),
        DeferralPolicy.none(), null, waves, ErrorAction.PAUSE, Timeouts.none(), RetryPolicy.none(), true, "");
    Campaign campaign = f.campaigns.create(new NewCampaign("hello", "1.0.0",
        new Targets(false, List.of("pilot", "lab"), List.of()), "", delivery, rollout, execution, "admin",
        DeploymentAction.INSTALL, false, plan));
    f.campaigns.start(campaign.id());
    SimulatedAgent p = new SimulatedAgent(P, f.deployments, clock);
    SimulatedAgent r = new SimulatedAgent(R, f.deployments, clock);
    if (delivery == Delivery.PULL) {
      p.userRequests(campaign.id());
      r.userRequests(campaign.id());
    }

    for (int hour = 0; hour < 6; hour++) {
      if (execution == Execution.TECHNICIAN && hour == 2) {
        for (Deployment d : f.deploymentStore.listByCampaign(campaign.id())) {
          if (d.state() == AWAITING_TECHNICIAN) {
            f.deployments.technicianPresent(d.id());
          }
        }
      }
      p.step();
      r.step();
      f.scheduler.tick();
      clock.advance(Duration.ofMinutes(30));
    }
    // The second wave's technician comes later too.
    for (int i = 0; i < 4; i++) {
      for (Deployment d : f.deploymentStore.listByCampaign(campaign.id())) {
        if (d.state() == AWAITING_TECHNICIAN) {
          f.deployments.technicianPresent(d.id());
        }
      }
      p.step();
      r.step();
      clock.advance(Duration.ofMinutes(30));
    }

    List<DeploymentState> waiting = switch (execution) {
      case TECHNICIAN -> List.of(AWAITING_TECHNICIAN);
      case AUTOMATIC -> delivery == Delivery.PULL ? List.of() : List.of(AWAITING_WINDOW); // the notice lead time
    };
    List<DeploymentState> chain = new ArrayList<>(List.of(PENDING, OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED));
    chain.addAll(waiting);
    chain.addAll(List.of(INSTALLING, VERIFYING, SUCCEEDED));
    List<DeploymentState> later = new ArrayList<>(phased ? List.of(QUEUED) : List.of());
    later.addAll(chain);
    assertThat(states(campaign.id(), P)).as("pilot endpoint").isEqualTo(chain);
    assertThat(states(campaign.id(), R)).as("other endpoint").isEqualTo(later);
    Campaign done = f.campaigns.require(campaign.id());
    assertThat(done.state()).isEqualTo(CampaignState.COMPLETED);
    assertThat(done.waves()).extracting(WaveProgress::state).containsOnly(WaveState.PASSED);
    if (phased) {
      Deployment pilot = f.deploymentOf(campaign.id(), P);
      Deployment rest = f.deploymentOf(campaign.id(), R);
      assertThat(rest.history().get(1).at()).as("the rest opens once the pilot succeeded")
          .isAfterOrEqualTo(pilot.updatedAt());
    }
    for (Deployment d : f.deploymentStore.listByCampaign(campaign.id())) {
      if (delivery == Delivery.PUSH || execution == Execution.TECHNICIAN) {
        assertThat(d.installStartedAt()).as("never before the notice lead time")
            .isAfterOrEqualTo(d.noticeDeliveredAt().plus(delivery == Delivery.PUSH ? LEAD : Duration.ZERO));
      }
    }
  }

  private List<DeploymentState> states(String campaignId, String endpointId) {
    return f.deploymentOf(campaignId, endpointId).history().stream().map(StateChange::state).toList();
  }
}
