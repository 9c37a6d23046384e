package dev.convoy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.CreateEnrollmentTokenResponse;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, must-hold 5: a failed install is reported exactly once, with its exit code and the captured log, and
 * `convoy campaign status ID --endpoint E` shows both.
 */
class FailedInstallIT {
  private final Distribution dist = new Distribution();

  @Test
  void scriptExitingThree_reportedOnceWithExitCodeAndLog_shownByStatusEndpoint(@TempDir Path dir) throws Exception {
    try (ServerNode server = new ServerNode(dist, dir.resolve("server")).init().start();
        AgentNode agent = new AgentNode(dist, dir.resolve("ws"))) {
      String token = Json.parse(server.cli(dir, "token", "create", "--group", "fail", "--output", "json")
          .requireSuccess("token").stdout(), CreateEnrollmentTokenResponse.getDefaultInstance()).getToken();
      agent.enroll(server, token).requireSuccess("enroll");
      agent.start();
      Path payload = dir.resolve("broken");
      Files.createDirectories(payload);
      Files.writeString(payload.resolve("install.sh"),
          "#!/bin/sh\necho 'checking disk space'\necho 'error: /opt is read-only' >&2\nexit 3\n");
      Files.setPosixFilePermissions(payload.resolve("install.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
      new Releases(server, dir).publish(payload, "broken-tool", "1.0.0", "script");

      Campaign campaign = Json.parse(server.cli(dir, "campaign", "create", "--pilot", "--release", "broken-tool@1.0.0",
          "--targets", "all", "--output", "json").requireSuccess("campaign create").stdout(),
          Campaign.getDefaultInstance());
      server.cli(dir, "campaign", "start", campaign.getCampaignId()).requireSuccess("campaign start");
      Await.until(Duration.ofSeconds(120), () -> status(server, campaign).getCampaign().getState()
          == CampaignState.COMPLETED, () -> "campaign over: " + status(server, campaign) + "\n" + agent.currentLog());

      DeploymentStatus failed = status(server, campaign).getDeployments(0);
      assertThat(failed.getState()).isEqualTo(DeploymentState.FAILED);
      assertThat(failed.getExitCode()).isEqualTo(3);
      assertThat(failed.getLogExcerpt()).contains("checking disk space").contains("error: /opt is read-only");
      assertThat(Pattern.compile("state=FAILED ").matcher(agent.currentLog()).results().count())
          .as("FAILED reported once").isEqualTo(1);

      String endpoint = failed.getEndpointId();
      String shown = server.cli(dir, "campaign", "status", campaign.getCampaignId(), "--endpoint", endpoint)
          .requireSuccess("status --endpoint").stdout();
      assertThat(shown).contains("FAILED").contains("3").contains("error: /opt is read-only");
    }
  }

  private static CampaignStatus status(ServerNode server, Campaign campaign) {
    return server.admin().getCampaignStatus(
        GetCampaignStatusRequest.newBuilder().setCampaignId(campaign.getCampaignId()).build());
  }
}
