package dev.convoy.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.campaign.plan.CampaignPlan;
import dev.convoy.server.campaign.plan.Presets;
import dev.convoy.server.testing.MutableClock;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office-suite story across a real DST weekend, in simulated time: a campaign with the weekend preset is
 * created on Monday morning; the week passes half an hour at a time. Four Paris endpoints, one in New York (windows
 * are judged in each endpoint's zone); one of the Paris endpoints is off from Friday noon and comes back late on
 * Sunday, at 22:30 UTC — after the window in March (Sun 23:59 CEST = 21:59 UTC) but inside it in October
 * (Sun 23:59 CET = 22:59 UTC), which only a wall-clock window end gets right.
 */
class WeekendPresetTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final List<String> PARIS_ENDPOINTS = List.of("ep-0000000000000a01", "ep-0000000000000a02",
      "ep-0000000000000a03");
  static final String LATE = "ep-0000000000000a04";
  static final String NY = "ep-0000000000000b01";
  @TempDir Path dir;
  private CampaignFixture f;

  @AfterEach
  void close() {
    if (f != null) {
      f.close();
    }
  }

  static Stream<Arguments> weekends() {
    return Stream.of(
        Arguments.of("2027-03-22T08:00:00Z", "2027-03-26T23:00:00Z", "2027-03-28T21:59:00Z", false),
        Arguments.of("2027-10-25T07:00:00Z", "2027-10-29T22:00:00Z", "2027-10-31T22:59:00Z", true));
  }

  @ParameterizedTest(name = "created {0}")
  @MethodSource("weekends")
  void weekendPreset_acrossDstWeekend_noticeFirstDownloadsBeforeInstallsInsideMondayReportRight(String monday,
      String parisWindowStart, String parisWindowEnd, boolean lateInstallsInWindow) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse(monday));
    f = new CampaignFixture(dir, clock);
    f.release("1.0.0");
    for (String id : PARIS_ENDPOINTS) {
      f.endpoint(id, "office");
      f.endpointZones.put(id, PARIS);
    }
    f.endpoint(LATE, "office");
    f.endpointZones.put(LATE, PARIS);
    f.endpoint(NY, "office");
    f.endpointZones.put(NY, NEW_YORK);
    CampaignPlan plan = dev.convoy.server.campaign.plan.Presets.apply(Presets.WEEKEND, CampaignPlan.immediate(),
        false);
    Campaign campaign = f.campaigns.create(new NewCampaign("hello", "1.0.0",
        new Targets(false, List.of("office"), List.of()), "Office suite", Delivery.PUSH, Rollout.BIG_BANG,
        Execution.AUTOMATIC, "release-manager", DeploymentAction.INSTALL, false, plan));
    f.campaigns.start(campaign.id());
    Map<String, SimulatedAgent> agents = new java.util.TreeMap<>();
    for (String id : f.deploymentStore.listByCampaign(campaign.id()).stream().map(Deployment::endpointId).toList()) {
      agents.put(id, new SimulatedAgent(id, f.deployments, clock));
    }
    Instant createdAt = clock.instant();
    Instant fridayNoon = createdAt.plus(Duration.ofDays(4)).plus(Duration.ofHours(4));
    Instant lateReturn = Instant.parse(parisWindowEnd).truncatedTo(java.time.temporal.ChronoUnit.DAYS)
        .plus(Duration.ofHours(22)).plus(Duration.ofMinutes(30));
    Instant nextMonday = createdAt.plus(Duration.ofDays(7));

    while (clock.instant().isBefore(nextMonday)) {
      Instant now = clock.instant();
      agents.get(LATE).behaviour = !now.isBefore(fridayNoon) && now.isBefore(lateReturn)
          ? SimulatedAgent.Behaviour.OFFLINE : SimulatedAgent.Behaviour.SUCCEED;
      agents.values().forEach(SimulatedAgent::step);
      f.scheduler.tick();
      clock.advance(Duration.ofMinutes(30));
    }

    for (Deployment d : f.deploymentStore.listByCampaign(campaign.id())) {
      assertThat(d.noticeDeliveredAt()).as("notice delivered at once, Monday").isEqualTo(createdAt);
    }
    for (SimulatedAgent agent : agents.values()) {
      ZoneId zone = agent.endpointId.equals(NY) ? NEW_YORK : PARIS;
      assertThat(agent.downloads).as("pre-staged on Monday, before the window").containsExactly(createdAt);
      for (Instant permit : agent.permits) {
        ZonedDateTime local = permit.atZone(zone);
        assertThat(permit).as("never before the 72 h notice").isAfterOrEqualTo(createdAt.plus(Duration.ofHours(72)));
        assertThat(local.getDayOfWeek()).as("inside the weekend window, local time " + local)
            .isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(local.toLocalTime()).isBefore(LocalTime.of(23, 59));
      }
      assertThat(agent.refusals).as("asked before the window, refused with the reason")
          .anyMatch(r -> r.contains("outside the maintenance windows"));
    }
    for (String id : PARIS_ENDPOINTS) {
      assertThat(agents.get(id).permits).containsExactly(Instant.parse(parisWindowStart));
    }
    Instant nySaturday = Instant.parse(parisWindowStart).atZone(NEW_YORK).toLocalDate().plusDays(1)
        .atStartOfDay(NEW_YORK).toInstant();
    assertThat(agents.get(NY).permits).as("Saturday 00:00 in New York").containsExactly(nySaturday);
    assertThat(agents.get(LATE).permits).isEqualTo(lateInstallsInWindow ? List.of(lateReturn) : List.of());

    CampaignReport report = f.views.report(campaign.id());
    assertThat(report.total()).isEqualTo(5);
    assertThat(report.noticesDelivered()).isEqualTo(5);
    assertThat(report.firstInstallAt()).isEqualTo(Instant.parse(parisWindowStart));
    assertThat(report.failures()).isEmpty();
    assertThat(report.timedOut()).isZero();
    if (lateInstallsInWindow) {
      assertThat(report.succeeded()).isEqualTo(5);
      assertThat(report.unfinished()).isEmpty();
      assertThat(report.lastFinishedAt()).isEqualTo(lateReturn);
      assertThat(report.campaign().state()).isEqualTo(CampaignState.COMPLETED);
    } else {
      assertThat(report.succeeded()).isEqualTo(4);
      assertThat(report.unfinished()).extracting(v -> v.deployment().endpointId()).containsExactly(LATE);
      assertThat(report.unfinished().get(0).deployment().state()).isEqualTo(DeploymentState.AWAITING_WINDOW);
      assertThat(report.lastFinishedAt()).isEqualTo(nySaturday);
      assertThat(report.campaign().state()).isEqualTo(CampaignState.RUNNING);
    }
    assertThat(report.lastFinishedAt()).isBefore(Instant.parse(parisWindowEnd).plus(Duration.ofHours(1)));
  }
}
