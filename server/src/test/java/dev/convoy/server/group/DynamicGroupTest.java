package dev.convoy.server.group;

import static dev.convoy.server.testing.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.CampaignState;
import dev.convoy.server.campaign.Deployment;
import dev.convoy.server.campaign.DeploymentState;
import dev.convoy.server.endpoint.EndpointView;
import dev.convoy.server.enrollment.EnrollmentToken;
import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.storage.ChangeSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dynamic groups follow the inventory, and running campaigns that target them pick up new members. */
class DynamicGroupTest {
  static final String A = "ep-000000000000000a";
  static final String B = "ep-000000000000000b";
  static final String C = "ep-000000000000000c";
  static final String QUERY = "os.family = \"debian\" and hardware.memory_gb < 8";

  @TempDir Path dir;
  GroupFixture fx;

  @BeforeEach
  void open() throws Exception {
    fx = new GroupFixture(dir);
    fx.enroll(A, "lab");
    fx.enroll(B, "lab");
    fx.enroll(C, "office");
    fx.report(A, laptop("debian", 4.0));
    fx.report(B, laptop("debian", 16.0));
    fx.publish("hello", "1.0.0");
  }

  @AfterEach
  void close() {
    fx.close();
  }

  static Map<String, Object> laptop(String family, double memoryGb) {
    return Map.of("os.family", family, "hardware.memory_gb", memoryGb, "os.uptime_s", 100L);
  }

  private List<String> members(String group) {
    return fx.groups.get(group).members().stream().map(v -> v.endpoint().id()).toList();
  }

  @Test
  void create_badNameQueryOrClash_refusedNamingTheProblem() {
    assertThat(assertCode(() -> fx.groups.create("small", "os.family = ", "", "admin"), ErrorCode.INVALID_ARGUMENT))
        .isEqualTo("query: at column 13: expected a value after '=' but found end of query\n"
            + "os.family = \n"
            + "            ^");
    assertCode(() -> fx.groups.create("Small Laptops", QUERY, "", "admin"), ErrorCode.INVALID_ARGUMENT);
    assertThat(assertCode(() -> fx.groups.create("lab", QUERY, "", "admin"), ErrorCode.ALREADY_EXISTS))
        .isEqualTo("name: lab is a static (enrollment) group (expected: a name that no enrollment token or endpoint"
            + " uses)");
    ChangeSet changes = fx.storage.begin();
    fx.tokens.put(changes, new EnrollmentToken("t1", "kiosks", new byte[32], 1, 1, fx.clock.instant(),
        fx.clock.instant().plus(Duration.ofHours(1)), "admin"));
    fx.storage.commit(changes);
    assertCode(() -> fx.groups.create("kiosks", QUERY, "", "admin"), ErrorCode.ALREADY_EXISTS);

    Group created = fx.groups.create("small", QUERY, "laptops to upgrade", "CN=admin");

    assertThat(created).isEqualTo(new Group("small", true, QUERY, "laptops to upgrade", "CN=admin",
        fx.clock.instant()));
    assertThat(assertCode(() -> fx.groups.create("small", "os.family exists", "", "admin"),
        ErrorCode.ALREADY_EXISTS)).isEqualTo("name: dynamic group small exists already");
    assertThat(assertCode(() -> fx.enrollment.createToken("small", 1, 60, "admin"), ErrorCode.INVALID_ARGUMENT))
        .startsWith("group: small is a dynamic group");
  }

  @Test
  void members_inventoryChanges_membershipFollows() {
    fx.groups.create("small", QUERY, "", "admin");
    assertThat(members("small")).containsExactly(A);

    fx.report(B, laptop("debian", 7.6));
    assertThat(members("small")).containsExactly(A, B);

    fx.report(A, laptop("arch", 4.0));
    assertThat(members("small")).containsExactly(B);
    fx.report(C, laptop("debian", 2.0));
    assertThat(members("small")).containsExactly(B, C);
    assertThat(fx.groups.list()).containsExactly(
        new GroupSummary(Group.enrollmentGroup("lab"), 2),
        new GroupSummary(Group.enrollmentGroup("office"), 1),
        new GroupSummary(fx.groups.get("small").group(), 2));
    assertThat(fx.groups.get("lab").members()).extracting(EndpointView::endpoint)
        .extracting(e -> e.id()).containsExactly(A, B);
    assertCode(() -> fx.groups.get("nope"), ErrorCode.NOT_FOUND);
  }

  @Test
  void runningCampaign_endpointJoinsItsDynamicGroup_deploymentCreatedRevisionBumpedAndHinted() {
    fx.groups.create("small", QUERY, "", "admin");
    Campaign campaign = fx.campaigns.start(fx.draft("hello", "1.0.0", GroupFixture.group("small")).id());
    assertThat(fx.deployments.listByCampaign(campaign.id())).extracting(Deployment::endpointId).containsExactly(A);
    long revisionBefore = fx.endpointStore.revision(B);
    fx.hints.clear();

    fx.report(B, laptop("debian", 7.6));

    Deployment joined = fx.deployments.findByCampaignAndEndpoint(campaign.id(), B).orElseThrow();
    assertThat(joined.state()).isEqualTo(DeploymentState.PENDING);
    assertThat(joined.releaseVersion()).isEqualTo("1.0.0");
    assertThat(fx.endpointStore.revision(B)).isEqualTo(revisionBefore + 1);
    assertThat(fx.hints).containsExactly(new GroupFixture.Hint(B, revisionBefore + 1));
    assertThat(fx.campaigns.require(campaign.id()).deploymentCount()).isEqualTo(2);
    assertThat(fx.campaignStore.counts(campaign.id())).containsEntry(DeploymentState.PENDING, 2L);
    assertThat(fx.deploymentService.desiredState(B).assignments()).hasSize(1);

    fx.report(B, laptop("debian", 6.0));   // still a member, changed a fact the query reads
    fx.report(B, laptop("debian", 32.0));  // leaves the group
    assertThat(fx.deployments.listByCampaign(campaign.id())).hasSize(2);
    assertThat(fx.deployments.findByCampaignAndEndpoint(campaign.id(), B)).contains(joined);
    assertThat(fx.hints).hasSize(1);
  }

  @Test
  void campaigns_notRunning_doNotPickUpButStartResolvesTheGroupThen() {
    fx.groups.create("small", QUERY, "", "admin");
    Campaign draft = fx.draft("hello", "1.0.0", GroupFixture.group("small"));

    fx.report(B, laptop("debian", 7.6));

    assertThat(fx.deployments.listByCampaign(draft.id())).isEmpty();
    Campaign started = fx.campaigns.start(draft.id());
    assertThat(started.deploymentCount()).isEqualTo(2);
    assertThat(fx.deployments.listByCampaign(draft.id())).extracting(Deployment::endpointId)
        .containsExactlyInAnyOrder(A, B);
  }

  @Test
  void report_unrelatedFactChanged_noNewDeployment() throws Exception {
    fx.groups.create("small", QUERY, "", "admin");
    Campaign campaign = fx.campaigns.start(fx.draft("hello", "1.0.0", GroupFixture.group("small")).id());
    fx.hints.clear();

    fx.report(A, Map.of("os.family", "debian", "hardware.memory_gb", 4.0, "os.uptime_s", 200L));

    assertThat(fx.deployments.listByCampaign(campaign.id())).hasSize(1);
    assertThat(fx.hints).isEmpty();
    assertThat(fx.campaigns.require(campaign.id()).state()).isEqualTo(CampaignState.RUNNING);
  }

  @Test
  void reopen_groupsAndMembersSurviveAndPickupStillWorks() throws Exception {
    fx.groups.create("small", QUERY, "", "admin");
    Campaign campaign = fx.campaigns.start(fx.draft("hello", "1.0.0", GroupFixture.group("small")).id());
    List<GroupSummary> before = fx.groups.list();

    fx.reopen();

    assertThat(fx.groups.list()).isEqualTo(before);
    assertThat(members("small")).containsExactly(A);
    fx.report(B, laptop("debian", 7.6));
    assertThat(fx.deployments.findByCampaignAndEndpoint(campaign.id(), B)).isPresent();
  }
}
