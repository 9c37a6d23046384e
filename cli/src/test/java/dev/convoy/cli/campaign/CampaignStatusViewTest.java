package dev.convoy.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.testing.Statuses;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.Delivery;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.Execution;
import dev.convoy.protocol.v1.Rollout;
import dev.convoy.protocol.v1.Endpoint;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.Targets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignStatusViewTest {
  private static final Campaign CAMPAIGN = Campaign.newBuilder().setCampaignId("c-7").setTitle("Office rollout")
      .setRelease(Release.newBuilder().setName("office").setVersion("7.6.4"))
      .setTargets(Targets.newBuilder().addGroups("lab")).setDelivery(Delivery.PUSH).setRollout(Rollout.BIG_BANG)
      .setExecution(Execution.AUTOMATIC).build();
  private static final Endpoint PC1 = Statuses.endpoint("ep-1", "pc-1", "lab", true);
  private static final Endpoint PC2 = Statuses.endpoint("ep-2", "pc-2", "lab", true);
  private static final Endpoint PC3 = Statuses.endpoint("ep-3", "pc-3", "lab", false);

  static CampaignStatus mixed() {
    return Statuses.status(CAMPAIGN, CampaignState.RUNNING, List.of(
        Statuses.deployment(PC1, DeploymentState.SUCCEEDED, "installed", 0),
        Statuses.deployment(PC2, DeploymentState.FAILED, "install script failed\nline two", 3),
        Statuses.deployment(PC3, DeploymentState.DOWNLOADING, "", 0)));
  }

  @Test
  void render_mixedStatus_countsProgressAndOneRowPerEndpoint() {
    assertThat(CampaignStatusView.render(mixed())).isEqualTo("""
        Campaign c-7: Office rollout
          release office@7.6.4   targets group:lab   state RUNNING
          push / big-bang / automatic
          [##########x-----------]  1/3 succeeded, 1 failed, 1 in progress (66% done)
          states  DOWNLOADING 1, SUCCEEDED 1, FAILED 1

        ENDPOINT  HOSTNAME  STATE        ATTEMPT  DETAIL
        ep-1      pc-1      SUCCEEDED    1        installed
        ep-2      pc-2      FAILED       1        install script failed line two (exit code 3)
        ep-3      pc-3      DOWNLOADING  1
        """.replace("[##########x-----------]", "[" + "#".repeat(10) + "x".repeat(10) + "-".repeat(10) + "]"));
  }

  @Test
  void progressLine_oneLine() {
    assertThat(CampaignStatusView.progressLine(mixed())).isEqualTo("c-7 RUNNING ["
        + "#".repeat(10) + "x".repeat(10) + "-".repeat(10) + "]  1/3 succeeded, 1 failed, 1 in progress (66% done)");
  }

  @Test
  void render_noDeployments_saysSo() {
    CampaignStatus empty = Statuses.status(CAMPAIGN, CampaignState.COMPLETED, List.of());

    assertThat(CampaignStatusView.render(empty)).contains("0/0 succeeded").endsWith("No endpoints targeted.\n");
  }

  @Test
  void progress_inconsistentCounts_neverBreaksTheDisplay() {
    CampaignStatus odd = mixed().toBuilder().setTotal(1).build();

    assertThat(CampaignStatusView.progressLine(odd)).contains("1/2 succeeded");
  }

  @Test
  void json_campaignStatus_isProtobufJsonWithEveryField() throws Exception {
    String json = Json.pretty(mixed());

    assertThat(json).contains("\"campaignId\": \"c-7\"").contains("\"state\": \"RUNNING\"")
        .contains("\"DOWNLOADING\": 1").contains("\"exitCode\": 3").contains("\"exitCode\": 0")
        .contains("\"inProgress\": 1");
    CampaignStatus.Builder parsed = CampaignStatus.newBuilder();
    JsonFormat.parser().merge(json, parsed);
    assertThat(parsed.build()).isEqualTo(mixed());
  }

  @Test
  void json_compact_isOneLine() {
    assertThat(Json.compact(mixed())).doesNotContain("\n").startsWith("{\"campaign\":{\"campaignId\":\"c-7\"");
  }
}
