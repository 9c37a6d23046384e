package dev.convoy.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.campaign.plan.CampaignPlan;
import dev.convoy.server.campaign.plan.DeferralPolicy;
import dev.convoy.server.campaign.plan.ErrorAction;
import dev.convoy.server.campaign.plan.NoticeSpec;
import dev.convoy.server.campaign.plan.RetryPolicy;
import dev.convoy.server.campaign.plan.Timeouts;
import dev.convoy.server.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A campaign with a start time waits SCHEDULED (durably, across a restart) and starts by itself when it comes. */
class ScheduledStartTest {
  static final String A = "ep-0000000000000e01";
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2027-09-06T08:00:00Z"));
  private CampaignFixture f;

  @BeforeEach
  void open() throws Exception {
    f = new CampaignFixture(dir, clock);
    f.release("1.0.0");
    f.endpoint(A, "lab");
  }

  @AfterEach
  void close() {
    f.close();
  }

  private Campaign create(Instant startAt) {
    CampaignPlan plan = new CampaignPlan(startAt, List.of(), NoticeSpec.none(), DeferralPolicy.none(), null,
        List.of(), ErrorAction.PAUSE, Timeouts.none(), RetryPolicy.none(), true, "");
    return f.campaigns.create(new NewCampaign("hello", "1.0.0", new Targets(false, List.of("lab"), List.of()), "",
        Delivery.PUSH, Rollout.BIG_BANG, Execution.AUTOMATIC, "admin", DeploymentAction.INSTALL, false, plan));
  }

  @Test
  void start_withFutureStartTime_scheduledThenRunningWhenItComes() throws Exception {
    Instant friday = Instant.parse("2027-09-10T18:00:00Z");
    Campaign scheduled = f.campaigns.start(create(friday).id());
    assertThat(scheduled.state()).isEqualTo(CampaignState.SCHEDULED);
    assertThat(f.deploymentStore.listByCampaign(scheduled.id())).isEmpty();

    f.reopen();
    clock.advance(Duration.between(clock.instant(), friday).minusSeconds(1));
    assertThat(f.scheduler.tick()).isZero();
    assertThat(f.campaigns.require(scheduled.id()).state()).isEqualTo(CampaignState.SCHEDULED);
    clock.advance(Duration.ofSeconds(1));
    assertThat(f.scheduler.tick()).isEqualTo(1);

    Campaign running = f.campaigns.require(scheduled.id());
    assertThat(running.state()).isEqualTo(CampaignState.RUNNING);
    assertThat(running.startedAt()).isEqualTo(friday);
    assertThat(f.deployments.desiredState(A).assignments()).hasSize(1);
    assertThat(f.hints).extracting(CampaignFixture.Hint::endpointId).contains(A);
    assertThat(f.scheduler.tick()).as("fired once").isZero();
  }

  @Test
  void cancel_scheduled_neverStarts() {
    Instant later = clock.instant().plus(Duration.ofDays(1));
    Campaign scheduled = f.campaigns.start(create(later).id());
    assertThat(f.commands.cancel(scheduled.id(), "bob", "wrong week").stateReason())
        .isEqualTo("cancelled by bob: wrong week");
    clock.advance(Duration.ofDays(2));
    f.scheduler.tick();
    assertThat(f.campaigns.require(scheduled.id()).state()).isEqualTo(CampaignState.CANCELLED);
    assertThat(f.deploymentStore.listByCampaign(scheduled.id())).isEmpty();
  }
}
