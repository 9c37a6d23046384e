package dev.convoy.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.cli.testing.Statuses;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.Targets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CampaignCommandsTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @BeforeEach
  void catalogueAndEndpoints() {
    admin.service().releases.put("hello@1.0.0", Release.newBuilder().setName("hello").setVersion("1.0.0").build());
    admin.service().endpoints.addAll(List.of(Statuses.endpoint("ep-1", "pc-1", "lab", true),
        Statuses.endpoint("ep-2", "pc-2", "lab", true), Statuses.endpoint("ep-9", "pc-9", "office", true)));
  }

  private String createAndStart() {
    admin.run("campaign", "create", "--release", "hello@1.0.0", "--targets", "group:lab");
    String id = admin.service().campaigns.keySet().iterator().next();
    assertThat(admin.run("campaign", "start", id).exitCode()).isZero();
    return id;
  }

  @Test
  void create_targetsAndTitle_sentAndShown() {
    Result result = admin.run("campaign", "create", "--release", "hello@1.0.0",
        "--targets", "group:lab,endpoint:ep-9", "--targets", "endpoint:ep-10", "--title", "Lab first");

    assertThat(result.exitCode()).as(result.err()).isZero();
    var request = admin.service().campaignRequests.get(0);
    assertThat(request.getReleaseName()).isEqualTo("hello");
    assertThat(request.getReleaseVersion()).isEqualTo("1.0.0");
    assertThat(request.getTitle()).isEqualTo("Lab first");
    assertThat(request.getTargets()).isEqualTo(Targets.newBuilder().addGroups("lab")
        .addEndpointIds("ep-9").addEndpointIds("ep-10").build());
    assertThat(result.out()).contains("title     Lab first").contains("state     DRAFT")
        .contains("targets   group:lab, endpoint:ep-9, endpoint:ep-10");
    assertThat(result.err()).contains("Start it with: convoy campaign start c-");
  }

  @Test
  void create_unknownRelease_serverErrorExit1() {
    Result result = admin.run("campaign", "create", "--release", "nope@9", "--targets", "all");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).isEqualTo("error: NOT_FOUND: release nope@9 not found\n");
  }

  @Test
  void startAndList_showRunningCampaign() {
    String id = createAndStart();

    Result table = admin.run("campaign", "list");
    Result json = admin.run("campaign", "list", "--output", "json");

    assertThat(table.out()).startsWith("CAMPAIGN").contains(id + "       RUNNING  hello@1.0.0  group:lab");
    assertThat(json.out()).startsWith("{\n  \"campaigns\": [").contains("\"state\": \"RUNNING\"");
  }

  @Test
  void status_once_fullView() {
    String id = createAndStart();

    Result result = admin.run("campaign", "status", id);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("state COMPLETED").contains("2/2 succeeded, 0 failed, 0 in progress")
        .contains("ep-1      pc-1      SUCCEEDED").doesNotContain("ep-9");
  }

  @Test
  void statusWatch_allSucceed_exit0WithLinePerUpdateThenTable() {
    String id = createAndStart();

    Result result = admin.run("campaign", "status", id, "--watch");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    List<String> lines = result.out().lines().toList();
    assertThat(lines.subList(0, 3)).containsExactly(
        id + " RUNNING [------------------------------]  0/2 succeeded, 0 failed, 2 in progress (0% done)",
        id + " RUNNING [###############---------------]  1/2 succeeded, 0 failed, 1 in progress (50% done)",
        id + " COMPLETED [##############################]  2/2 succeeded, 0 failed, 0 in progress (100% done)");
    assertThat(result.out()).contains("ENDPOINT  HOSTNAME  STATE      ATTEMPT  DETAIL").doesNotContain("\033[");
  }

  @Test
  void statusWatch_oneFails_exit1() {
    admin.service().watchScript = c -> Statuses.lastFails(c, admin.service().targeted(c));
    String id = createAndStart();

    Result result = admin.run("campaign", "status", id, "--watch");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.out()).contains("1/2 succeeded, 1 failed").contains("install script failed (exit code 3)");
  }

  @Test
  void statusWatch_streamEndsBeforeTerminal_exit1AndSaysSo() {
    admin.service().watchScript = c -> List.of(Statuses.status(c, CampaignState.RUNNING, List.of()));
    String id = createAndStart();

    Result result = admin.run("campaign", "status", id, "--watch");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).contains("The watch ended before the campaign was over (state RUNNING)");
  }

  @Test
  void statusWatch_terminal_redrawsWithAnsi() {
    admin.terminal = true;
    String id = createAndStart();

    Result result = admin.run("campaign", "status", id, "--watch");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().split("\033\\[H\033\\[2J", -1)).hasSize(4);
    assertThat(result.out()).endsWith("ep-2      pc-2      SUCCEEDED  1        installed\n");
  }

  @Test
  void statusWatch_json_oneDocumentPerUpdate() {
    String id = createAndStart();

    Result result = admin.run("campaign", "status", id, "--watch", "--output", "json");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines().toList()).hasSize(3)
        .allSatisfy(line -> assertThat(line).startsWith("{\"campaign\":").endsWith("}"));
  }

  @Test
  void statusWatch_unknownCampaign_serverErrorExit1() {
    Result result = admin.run("campaign", "status", "c-404", "--watch");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).isEqualTo("error: NOT_FOUND: campaign c-404 not found\n");
  }
}
