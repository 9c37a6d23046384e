package dev.convoy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.CreateEnrollmentTokenResponse;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.ListEndpointsRequest;
import dev.convoy.protocol.v1.TrainingReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end: a server and two agents as separate JVM processes on loopback with real mTLS,
 * driven through the real CLI.
 */
class EndToEndIT {
  private final Distribution dist = new Distribution();

  @Test
  void pushCampaign_twoAgentProcesses_bothInstallAndServerKeepsItAcrossRestart(@TempDir Path dir) throws Exception {
    try (ServerNode server = new ServerNode(dist, dir.resolve("server")).init().start();
        AgentNode one = new AgentNode(dist, dir.resolve("ws-1"));
        AgentNode two = new AgentNode(dist, dir.resolve("ws-2"))) {
      String token = Json.parse(server.cli(dir, "token", "create", "--group", "e2e", "--uses", "2", "--ttl", "1h",
          "--output", "json").requireSuccess("token create").stdout(),
          CreateEnrollmentTokenResponse.getDefaultInstance()).getToken();

      one.enroll(server, token).requireSuccess("enroll ws-1");
      two.enroll(server, token).requireSuccess("enroll ws-2");
      Distribution.Result third = new AgentNode(dist, dir.resolve("ws-3")).enroll(server, token);
      assertThat(third.exitCode()).as("a third enrollment with a 2-use token").isNotZero();
      assertThat(third.output()).containsIgnoringCase("token");
      assertThat(dir.resolve("ws-3/identity.pem")).doesNotExist();

      one.start();
      two.start();
      Await.until(Duration.ofSeconds(60), () -> server.admin().listEndpoints(ListEndpointsRequest.getDefaultInstance())
          .getEndpointsList().stream().filter(e -> e.getOnline()).count() == 2, () -> "two endpoints online");

      Path release = dir.resolve("release");
      Files.createDirectories(release.resolve("bin"));
      Files.writeString(release.resolve("bin/tool"), "#!/bin/sh\necho tool 1.0.0\n");
      Files.setPosixFilePermissions(release.resolve("bin/tool"), PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.writeString(release.resolve("README.txt"), "Convoy end-to-end release, é ü 日本\n", StandardCharsets.UTF_8);
      Path docs = Files.createDirectories(dir.resolve("docs"));
      Files.writeString(docs.resolve("user.md"), "# Tool\n\nLancez `tool` depuis un terminal.\n",
          StandardCharsets.UTF_8);
      Files.writeString(docs.resolve("training.md"), "Five minutes: what tool does.\n");
      new Releases(server, dir.resolve("releases")).publishDirectory(release, "e2e-tool", "1.0.0",
          "--user-doc", docs.resolve("user.md").toString(), "--training-title", "Tool basics",
          "--training-audience", "all users", "--training-file", docs.resolve("training.md").toString());

      Campaign campaign = Json.parse(server.cli(dir, "campaign", "create", "--pilot", "--release", "e2e-tool@1.0.0",
          "--targets", "group:e2e", "--output", "json").requireSuccess("campaign create").stdout(),
          Campaign.getDefaultInstance());
      server.cli(dir, "campaign", "start", campaign.getCampaignId()).requireSuccess("campaign start");

      Await.until(Duration.ofSeconds(120), () -> status(server, campaign).getCampaign().getState()
          == CampaignState.COMPLETED, () -> "campaign COMPLETED, now " + status(server, campaign)
          + "\nws-1 log:\n" + one.currentLog() + "\nws-2 log:\n" + two.currentLog());

      CampaignStatus before = status(server, campaign);
      assertThat(before.getDeploymentsList()).hasSize(2).allSatisfy(
          d -> assertThat(d.getState()).isEqualTo(DeploymentState.SUCCEEDED));
      assertThat(before.getSucceeded()).isEqualTo(2);
      for (AgentNode agent : List.of(one, two)) {
        Path current = agent.managed("e2e-tool");
        assertThat(current.resolve("bin/tool")).hasSameBinaryContentAs(release.resolve("bin/tool")).isExecutable();
        assertThat(current.resolve("README.txt")).hasSameBinaryContentAs(release.resolve("README.txt"));
      }

      assertThat(server.stop()).as("server exit code on SIGTERM").isZero();
      server.start();
      CampaignStatus after = status(server, campaign);
      assertThat(after.getCampaign().getState()).isEqualTo(CampaignState.COMPLETED);
      assertThat(states(after)).isEqualTo(states(before));
      assertThat(after.getSucceeded()).isEqualTo(2);

      // Issue 5, must-hold 5: each workstation's user reads the signed user documentation and attests the
      // training; the server counts the attestations of both agents.
      for (AgentNode agent : List.of(one, two)) {
        assertThat(userCommand(dir, agent, "docs", "e2e-tool").requireSuccess("docs").stdout())
            .contains("Lancez `tool` depuis un terminal.");
        assertThat(userCommand(dir, agent, "training").requireSuccess("training").stdout()).contains("Tool basics");
        userCommand(dir, agent, "training", "done", "e2e-tool").requireSuccess("training done");
      }
      Await.until(Duration.ofSeconds(60), () -> training(server, dir).getAttested() == 2,
          () -> "two attestations counted: " + training(server, dir));
      assertThat(training(server, dir).getEndpoints()).isEqualTo(2);
      assertThat(server.cli(dir, "release", "training", "e2e-tool@1.0.0").requireSuccess("release training")
          .stdout()).contains("e2e").contains("100");
    }
  }

  private Distribution.Result userCommand(Path dir, AgentNode agent, String... args) throws Exception {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--data", agent.data().toString()));
    return dist.run(dir, Duration.ofSeconds(30), "convoy-agent", all.toArray(String[]::new));
  }

  private static TrainingReport training(ServerNode server, Path dir) {
    try {
      return Json.parse(server.cli(dir, "release", "training", "e2e-tool@1.0.0", "--output", "json")
          .requireSuccess("release training").stdout(), TrainingReport.getDefaultInstance());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CampaignStatus status(ServerNode server, Campaign campaign) {
    return server.admin().getCampaignStatus(
        GetCampaignStatusRequest.newBuilder().setCampaignId(campaign.getCampaignId()).build());
  }

  private static List<String> states(CampaignStatus status) {
    return status.getDeploymentsList().stream().map(DeploymentStatus::getEndpointId).sorted()
        .map(id -> id + "=" + status.getDeploymentsList().stream().filter(d -> d.getEndpointId().equals(id))
            .findFirst().orElseThrow().getState())
        .toList();
  }
}
