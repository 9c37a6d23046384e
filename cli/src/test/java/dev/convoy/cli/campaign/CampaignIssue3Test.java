package dev.convoy.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.cli.testing.Statuses;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.Endpoint;
import dev.convoy.protocol.v1.Release;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 3 campaign options: uninstall, allow-downgrade, and one endpoint's deployment with its full log. */
class CampaignIssue3Test {
  private static final String LOG = "12:00:01 stage: unpacked 3 files\n12:00:02 install: ./install.sh\n"
      + "cp: cannot create '/opt/hello': No space left on device\n12:00:03 install: exit code 28\n";

  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @BeforeEach
  void catalogueAndEndpoints() {
    admin.service().releases.put("hello@1.0.0", Release.newBuilder().setName("hello").setVersion("1.0.0").build());
    Endpoint one = Statuses.endpoint("ep-1", "pc-1", "lab", true);
    Endpoint two = Statuses.endpoint("ep-2", "pc-2", "lab", true);
    admin.service().endpoints.addAll(List.of(one, two));
    DeploymentStatus failed = Statuses.deployment(two, DeploymentState.FAILED, "install script failed", 28)
        .toBuilder().setAttempt(2).setLogExcerpt(LOG).build();
    admin.service().watchScript = c -> List.of(Statuses.status(c, CampaignState.COMPLETED,
        List.of(Statuses.deployment(one, DeploymentState.SUCCEEDED, "installed", 0), failed)));
  }

  private String create(String... flags) {
    List<String> args = new java.util.ArrayList<>(List.of("campaign", "create", "--release", "hello@1.0.0",
        "--targets", "group:lab"));
    args.addAll(List.of(flags));
    Result result = admin.run(args.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.err()).isZero();
    return admin.service().campaigns.keySet().iterator().next();
  }

  @Test
  void create_default_installWithoutDowngrade() {
    Result result = admin.run("campaign", "create", "--release", "hello@1.0.0", "--targets", "all");

    assertThat(admin.service().campaignRequests.get(0).getAction()).isEqualTo(DeploymentAction.INSTALL);
    assertThat(admin.service().campaignRequests.get(0).getAllowDowngrade()).isFalse();
    assertThat(result.out()).contains("action    install\n");
  }

  @Test
  void create_uninstallAllowDowngrade_sentAndShown() {
    admin.run("campaign", "create", "--release", "hello@1.0.0", "--targets", "all", "--uninstall",
        "--allow-downgrade");
    Result shown = admin.run("campaign", "create", "--release", "hello@1.0.0", "--targets", "all", "--uninstall");

    assertThat(admin.service().campaignRequests.get(0).getAction()).isEqualTo(DeploymentAction.UNINSTALL);
    assertThat(admin.service().campaignRequests.get(0).getAllowDowngrade()).isTrue();
    assertThat(admin.service().campaignRequests.get(1).getAllowDowngrade()).isFalse();
    assertThat(shown.out()).contains("action    uninstall\n");
  }

  @Test
  void statusEndpoint_table_deploymentAndFullLog() {
    String id = create("--uninstall");

    Result result = admin.run("campaign", "status", id, "--endpoint", "ep-2");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Campaign " + id + "\n"
        + "  release hello@1.0.0   action uninstall   state COMPLETED\n\n"
        + "endpoint   ep-2\n"
        + "hostname   pc-2\n"
        + "state      FAILED\n"
        + "attempt    2\n"
        + "exit code  28\n"
        + "detail     install script failed\n"
        + "updated    -\n"
        + "notice     not delivered yet\n"
        + "\nLog excerpt:\n" + LOG);
  }

  @Test
  void statusEndpoint_json_onlyThatDeployment() {
    String id = create();

    Result result = admin.run("campaign", "status", id, "--endpoint", "ep-2", "-o", "json");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("\"endpointId\": \"ep-2\"", "\"exitCode\": 28", "No space left on device")
        .doesNotContain("\"endpointId\": \"ep-1\"");
  }

  @Test
  void statusEndpoint_csv_oneRecordWithTheLogQuoted() {
    String id = create();

    Result result = admin.run("campaign", "status", id, "--endpoint", "ep-2", "-o", "csv");

    assertThat(result.out()).isEqualTo(
        "endpoint_id,hostname,state,attempt,exit_code,detail,updated_at,log_excerpt,wave,notice_delivered_at,"
        + "deferred_until,deferral_count,next_attempt_at,timed_out\r\n"
        + "ep-2,pc-2,FAILED,2,28,install script failed,,\"" + LOG + "\",1,,,0,,false\r\n");
  }

  @Test
  void statusEndpoint_notTargeted_exit1SaysSo() {
    String id = create();

    Result result = admin.run("campaign", "status", id, "--endpoint", "ep-404");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).contains("campaign " + id + " has no deployment for endpoint ep-404");
  }

  @Test
  void statusEndpoint_withWatch_usageError() {
    Result result = admin.run("campaign", "status", "c-1", "--endpoint", "ep-2", "--watch");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--watch and --endpoint together");
  }
}
