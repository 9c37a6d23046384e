package dev.convoy.server.campaign;

import static dev.convoy.server.campaign.CampaignFixture.report;
import static dev.convoy.server.campaign.DeploymentState.*;
import static dev.convoy.server.testing.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignServiceTest {
  static final String A = "ep-000000000000000a";
  static final String B = "ep-000000000000000b";
  static final String C = "ep-000000000000000c";
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock();
  private CampaignFixture f;

  @BeforeEach
  void open() throws Exception {
    f = new CampaignFixture(dir, clock);
    f.endpoint(A, "lab");
    f.endpoint(B, "lab");
    f.endpoint(C, "office");
    f.release("1.0.0");
  }

  @AfterEach
  void close() {
    f.close();
  }

  private NewCampaign request(Targets targets) {
    return new NewCampaign("hello", "1.0.0", targets, "", Delivery.PUSH, Rollout.BIG_BANG, Execution.AUTOMATIC,
        "admin");
  }

  private static Targets group(String group) {
    return new Targets(false, List.of(group), List.of());
  }

  @Test
  void create_valid_draftWithDefaultTitle() {
    Campaign campaign = f.campaigns.create(request(group("lab")));

    assertThat(campaign.state()).isEqualTo(CampaignState.DRAFT);
    assertThat(campaign.title()).isEqualTo("hello 1.0.0");
    assertThat(campaign.id()).matches("cmp-[0-9a-f]{16}");
    assertThat(f.campaigns.list()).containsExactly(campaign);
    assertThat(f.hints).isEmpty();
  }

  @Test
  void create_refusals_nameTheProblem() {
    assertThat(assertCode(() -> f.campaigns.create(new NewCampaign("hello", "9.9.9", group("lab"), "",
        Delivery.PUSH, Rollout.BIG_BANG, Execution.AUTOMATIC, "admin")), ErrorCode.NOT_FOUND))
        .isEqualTo("release: hello@9.9.9 not found");
    assertThat(assertCode(() -> f.campaigns.create(request(group("nobody"))), ErrorCode.INVALID_ARGUMENT))
        .isEqualTo("targets: group:nobody (expected: at least one enrolled endpoint)");
    assertThat(assertCode(() -> f.campaigns.create(request(new Targets(false, List.of(),
        List.of("ep-ffffffffffffffff")))), ErrorCode.INVALID_ARGUMENT))
        .isEqualTo("targets.endpoint_ids: ep-ffffffffffffffff (expected: an enrolled endpoint)");
    assertThat(assertCode(() -> f.campaigns.create(new NewCampaign("hello", "1.0.0", group("lab"), "",
        Delivery.PUSH, Rollout.PHASED, Execution.AUTOMATIC, "admin")), ErrorCode.INVALID_ARGUMENT))
        .isEqualTo("waves: none (expected: at least one wave for a PHASED rollout)");
    assertThat(assertCode(() -> new Targets(true, List.of("lab"), List.of()), ErrorCode.INVALID_ARGUMENT))
        .startsWith("targets: all together with groups");
    assertThat(assertCode(() -> new Targets(false, List.of(), List.of()), ErrorCode.INVALID_ARGUMENT))
        .isEqualTo("targets: empty (expected: all, groups or endpoint ids)");
    assertThat(assertCode(() -> new Targets(false, List.of(), List.of("pc-1")), ErrorCode.INVALID_ARGUMENT))
        .startsWith("targets.endpoint_ids: 'pc-1'");
  }

  @Test
  void start_draft_onePendingDeploymentPerTargetRevisionsBumpedAndHinted() {
    Campaign started = f.startedCampaign(group("lab"));

    assertThat(started.state()).isEqualTo(CampaignState.RUNNING);
    assertThat(started.deploymentCount()).isEqualTo(2);
    CampaignStatus status = f.views.status(started.id());
    assertThat(status.counts()).isEqualTo(Map.of(PENDING, 2L));
    assertThat(status.deployments()).extracting(v -> v.deployment().endpointId()).containsExactly(A, B);
    assertThat(status.deployments()).allSatisfy(v -> {
      assertThat(v.deployment().state()).isEqualTo(PENDING);
      assertThat(v.deployment().attempt()).isEqualTo(1);
      assertThat(v.hostname()).isEqualTo("host-" + v.deployment().endpointId());
    });
    assertThat(f.endpoints.revision(A)).isEqualTo(1);
    assertThat(f.endpoints.revision(C)).isZero();
    assertThat(f.hints).containsExactlyInAnyOrder(new CampaignFixture.Hint(A, 1), new CampaignFixture.Hint(B, 1));
    DesiredState desired = f.deployments.desiredState(A);
    assertThat(desired.revision()).isEqualTo(1);
    assertThat(desired.assignments()).singleElement().satisfies(a -> {
      assertThat(a.deployment().campaignId()).isEqualTo(started.id());
      assertThat(a.release().ref()).isEqualTo("hello@1.0.0");
    });
    assertThat(f.deployments.desiredState(C).assignments()).isEmpty();
  }

  @Test
  void start_notDraft_failedPrecondition() {
    Campaign started = f.startedCampaign(group("lab"));
    assertThat(assertCode(() -> f.campaigns.start(started.id()), ErrorCode.FAILED_PRECONDITION))
        .isEqualTo("campaign " + started.id() + " is RUNNING (expected: DRAFT to start it)");
    assertThat(assertCode(() -> f.campaigns.start("cmp-0000000000000000"), ErrorCode.NOT_FOUND))
        .isEqualTo("campaign_id: cmp-0000000000000000 not found");
  }

  @Test
  void report_fullChainOnEveryEndpoint_countersFollowAndCampaignCompletes() {
    Campaign campaign = f.startedCampaign(group("lab"));
    List<DeploymentState> chain = List.of(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING, VERIFYING, SUCCEEDED);
    for (String endpoint : List.of(A, B)) {
      Deployment deployment = f.deploymentOf(campaign.id(), endpoint);
      for (int i = 0; i < chain.size(); i++) {
        ReportResult result = f.deployments.report(endpoint, report(deployment, i + 1, chain.get(i)));
        assertThat(result).isEqualTo(new ReportResult(true, chain.get(i), i + 1));
        Map<DeploymentState, Long> counts = f.views.status(campaign.id()).counts();
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
        assertThat(counts.get(chain.get(i))).isGreaterThanOrEqualTo(1);
      }
    }

    CampaignStatus status = f.views.status(campaign.id());
    assertThat(status.campaign().state()).isEqualTo(CampaignState.COMPLETED);
    assertThat(status.campaign().finishedAt()).isNotNull();
    assertThat(status.counts()).isEqualTo(Map.of(SUCCEEDED, 2L));
    assertThat(status.succeeded()).isEqualTo(2);
    assertThat(status.failed()).isZero();
    assertThat(status.inProgress()).isZero();
    assertThat(f.deployments.desiredState(A).assignments()).isEmpty();
    assertThat(f.deployments.desiredState(A).revision())
        .as("the start only: neither a receipt without lead time nor the reported final state needs a Sync")
        .isEqualTo(1);
    assertThat(f.hints).contains(new CampaignFixture.Hint(A, 1)).doesNotContain(new CampaignFixture.Hint(A, 2));
  }

  @Test
  void report_noticeReceiptWithLeadTime_newRevisionCarriesNotBefore() {
    Duration lead = Duration.ofHours(2);
    var plan = new dev.convoy.server.campaign.plan.CampaignPlan(null, List.of(),
        new dev.convoy.server.campaign.plan.NoticeSpec("", "", lead), null, null, List.of(), null, null, null, false,
        "");
    Campaign campaign = f.campaigns.start(f.campaigns.create(new NewCampaign("hello", "1.0.0", group("lab"), "",
        Delivery.PUSH, Rollout.BIG_BANG, Execution.AUTOMATIC, "admin", DeploymentAction.INSTALL, false, plan)).id());
    Deployment deployment = f.deploymentOf(campaign.id(), A);
    f.deployments.report(A, report(deployment, 1, OFFERED));
    assertThat(f.deployments.desiredState(A).assignments().get(0).gate().notBefore()).isNull();

    f.deployments.report(A, report(deployment, 2, NOTIFIED));

    DesiredState desired = f.deployments.desiredState(A);
    assertThat(desired.revision()).as("start, then the receipt").isEqualTo(2);
    assertThat(f.hints).contains(new CampaignFixture.Hint(A, 2));
    assertThat(desired.assignments().get(0).gate().notBefore()).isEqualTo(clock.instant().plus(lead));
  }

  @Test
  void report_duplicateAndReordered_changeNothing() {
    Campaign campaign = f.startedCampaign(group("lab"));
    Deployment deployment = f.deploymentOf(campaign.id(), A);
    f.deployments.report(A, report(deployment, 1, OFFERED));
    f.deployments.report(A, report(deployment, 3, DOWNLOADED)); // 2 (DOWNLOADING) is still in flight
    Deployment before = f.deploymentOf(campaign.id(), A);
    clock.advance(Duration.ofMinutes(1));

    ReportResult late = f.deployments.report(A, report(deployment, 2, DOWNLOADING));
    ReportResult duplicate = f.deployments.report(A, report(deployment, 3, DOWNLOADED));
    ReportResult staleAttempt = f.deployments.report(A, new StatusReport(deployment.id(), 1, 1, OFFERED, "", 0, "",
        null, 0, 0));

    assertThat(late).isEqualTo(new ReportResult(false, DOWNLOADED, 3));
    assertThat(duplicate).isEqualTo(new ReportResult(false, DOWNLOADED, 3));
    assertThat(staleAttempt).isEqualTo(new ReportResult(false, DOWNLOADED, 3));
    assertThat(f.deploymentOf(campaign.id(), A)).isEqualTo(before);
    assertThat(f.views.status(campaign.id()).counts()).isEqualTo(Map.of(DOWNLOADED, 1L, PENDING, 1L));
  }

  @Test
  void report_illegalTransition_refusedAndNothingWritten() {
    Campaign campaign = f.startedCampaign(group("lab"));
    Deployment deployment = f.deploymentOf(campaign.id(), A);
    f.deployments.report(A, report(deployment, 1, DOWNLOADED));
    Deployment before = f.deploymentOf(campaign.id(), A);

    String message = assertCode(() -> f.deployments.report(A, report(deployment, 2, NOTIFIED)),
        ErrorCode.FAILED_PRECONDITION);

    assertThat(message).startsWith("state: DOWNLOADED -> NOTIFIED is not a legal transition of deployment "
        + deployment.id());
    assertThat(f.deploymentOf(campaign.id(), A)).isEqualTo(before);
    assertThat(f.views.status(campaign.id()).counts()).isEqualTo(Map.of(DOWNLOADED, 1L, PENDING, 1L));
  }

  @Test
  void report_afterTerminal_refusedAsFinal() {
    Campaign campaign = f.startedCampaign(group("lab"));
    Deployment deployment = f.deploymentOf(campaign.id(), A);
    f.deployments.report(A, report(deployment, 1, FAILED));

    String message = assertCode(() -> f.deployments.report(A, report(deployment, 2, INSTALLING)),
        ErrorCode.FAILED_PRECONDITION);

    assertThat(message).isEqualTo("state: deployment " + deployment.id() + " is FAILED, which is final (reported: "
        + "INSTALLING)");
    assertThat(f.views.status(campaign.id()).failed()).isEqualTo(1);
  }

  @Test
  void report_attemptNotGranted_failedPrecondition() {
    Campaign campaign = f.startedCampaign(group("lab"));
    Deployment deployment = f.deploymentOf(campaign.id(), A);
    assertThat(assertCode(() -> f.deployments.report(A, new StatusReport(deployment.id(), 2, 1, OFFERED, "", 0, "",
        null, 0, 0)), ErrorCode.FAILED_PRECONDITION)).startsWith("attempt: 2 (expected: 1, the current attempt");
  }

  @Test
  void report_anotherEndpointsDeployment_permissionDeniedAndNothingWritten() {
    Campaign campaign = f.startedCampaign(group("lab"));
    Deployment ofB = f.deploymentOf(campaign.id(), B);

    String message = assertCode(() -> f.deployments.report(A, report(ofB, 1, FAILED)), ErrorCode.PERMISSION_DENIED);

    assertThat(message).isEqualTo("deployment_id: " + ofB.id() + " is not a deployment of endpoint " + A);
    assertThat(f.deploymentOf(campaign.id(), B)).isEqualTo(ofB);
    assertThat(f.views.status(campaign.id()).counts()).isEqualTo(Map.of(PENDING, 2L));
  }

  @Test
  void report_longDetailAndLog_boundedLogKeepsItsEnd() {
    Campaign campaign = f.startedCampaign(group("lab"));
    Deployment deployment = f.deploymentOf(campaign.id(), A);
    String log = "x".repeat(100_000) + "the end";

    f.deployments.report(A, new StatusReport(deployment.id(), 1, 1, FAILED, "d".repeat(10_000), 3, log, null, 0, 0));

    Deployment stored = f.deploymentOf(campaign.id(), A);
    assertThat(stored.logExcerpt()).hasSize(StatusReport.MAX_LOG_EXCERPT).endsWith("the end");
    assertThat(stored.detail()).hasSize(StatusReport.MAX_DETAIL);
    assertThat(stored.exitCode()).isEqualTo(3);
  }

  @Test
  void status_afterRestart_identical() throws Exception {
    Campaign campaign = f.startedCampaign(group("lab"));
    Deployment a = f.deploymentOf(campaign.id(), A);
    f.deployments.report(A, report(a, 1, OFFERED));
    f.deployments.report(A, report(a, 2, NOTIFIED));
    f.deployments.report(A, report(a, 3, SUCCEEDED));
    CampaignStatus before = f.views.status(campaign.id());

    f.reopen();

    assertThat(f.views.status(campaign.id())).isEqualTo(before);
    assertThat(f.endpoints.revision(A)).as("the start; not a receipt without lead time, not the final state")
        .isEqualTo(1);
    assertThat(f.deployments.report(A, report(a, 3, SUCCEEDED)).applied()).isFalse();
    Deployment b = f.deploymentOf(campaign.id(), B);
    f.deployments.report(B, report(b, 1, ALREADY_INSTALLED));
    assertThat(f.views.status(campaign.id()).campaign().state()).isEqualTo(CampaignState.COMPLETED);
  }

  @Test
  void report_manyEndpointsConcurrently_countersExactAndCompletedOnce() throws Exception {
    int n = 40;
    for (int i = 0; i < n; i++) {
      f.endpoint(String.format("ep-%016x", 0x100 + i), "fleet");
    }
    Campaign campaign = f.startedCampaign(group("fleet"));
    List<Deployment> all = f.deploymentStore.listByCampaign(campaign.id());
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
    for (Deployment d : all) {
      done.add(pool.submit(() -> {
        f.deployments.report(d.endpointId(), report(d, 1, OFFERED));
        f.deployments.report(d.endpointId(), report(d, 2, NOTIFIED));
        f.deployments.report(d.endpointId(), report(d, 3, DOWNLOADING));
        f.deployments.report(d.endpointId(), report(d, 4, d.endpointId().endsWith("7") ? FAILED : SUCCEEDED));
        return null;
      }));
    }
    for (var future : done) {
      future.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    pool.shutdown();

    CampaignStatus status = f.views.status(campaign.id());
    long failed = all.stream().filter(d -> d.endpointId().endsWith("7")).count();
    assertThat(status.counts()).isEqualTo(Map.of(SUCCEEDED, n - failed, FAILED, failed));
    assertThat(status.campaign().state()).isEqualTo(CampaignState.COMPLETED);
  }
}
