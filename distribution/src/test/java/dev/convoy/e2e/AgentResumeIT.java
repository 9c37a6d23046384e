package dev.convoy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CreateEnrollmentTokenResponse;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.ListReleasesRequest;
import dev.convoy.protocol.v1.Release;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 2, must-hold 5: an agent killed with SIGKILL mid-download resumes from its last verified chunk. */
class AgentResumeIT {
  private static final int MIB = 1024 * 1024;
  private static final Pattern COMPLETE = Pattern.compile("download complete .*resumed_from=(\\d+) fetched_bytes=(\\d+)");

  private final Distribution dist = new Distribution();

  @Test
  void killNineDuringDownload_restart_fetchesOnlyTheMissingChunks(@TempDir Path dir) throws Exception {
    try (ServerNode server = new ServerNode(dist, dir.resolve("server")).init().start();
        AgentNode agent = new AgentNode(dist, dir.resolve("ws"))) {
      String token = Json.parse(server.cli(dir, "token", "create", "--group", "resume", "--output", "json")
          .requireSuccess("token create").stdout(), CreateEnrollmentTokenResponse.getDefaultInstance()).getToken();
      agent.enroll(server, token).requireSuccess("enroll");
      agent.start("--download-rate-limit", String.valueOf(2 * MIB));

      Path release = dir.resolve("big");
      Files.createDirectories(release);
      byte[] noise = new byte[16 * MIB];
      new Random(42).nextBytes(noise); // incompressible: the signed release file stays about 16 MiB
      Files.write(release.resolve("payload.bin"), noise);
      new Releases(server, dir.resolve("releases")).publishDirectory(release, "big", "1.0.0");
      Release published = server.admin().listReleases(ListReleasesRequest.newBuilder().setName("big").build())
          .getReleases(0);
      Campaign campaign = Json.parse(server.cli(dir, "campaign", "create", "--pilot", "--release", "big@1.0.0", "--targets",
          "all", "--output", "json").requireSuccess("campaign create").stdout(), Campaign.getDefaultInstance());
      server.cli(dir, "campaign", "start", campaign.getCampaignId()).requireSuccess("campaign start");

      Path downloads = agent.data().resolve("downloads");
      Await.until(Duration.ofSeconds(60), () -> partSize(downloads) >= 5L * MIB,
          () -> "5 MiB downloaded; agent log:\n" + agent.currentLog());
      agent.kill9();
      long partAtKill = partSize(downloads);
      assertThat(partAtKill).as("partial download at kill").isBetween(5L * MIB, published.getLength() - 1);

      agent.start();
      Await.until(Duration.ofSeconds(120), () -> server.admin().getCampaignStatus(GetCampaignStatusRequest.newBuilder()
          .setCampaignId(campaign.getCampaignId()).build()).getCampaign().getState() == CampaignState.COMPLETED,
          () -> "campaign COMPLETED; agent log:\n" + agent.currentLog());
      assertThat(server.admin().getCampaignStatus(GetCampaignStatusRequest.newBuilder()
          .setCampaignId(campaign.getCampaignId()).build()).getDeployments(0).getState())
          .isEqualTo(DeploymentState.SUCCEEDED);

      Matcher m = COMPLETE.matcher(agent.currentLog());
      assertThat(m.find()).as("second run logs its download figures:\n" + agent.currentLog()).isTrue();
      long resumedFrom = Long.parseLong(m.group(1));
      long fetched = Long.parseLong(m.group(2));
      assertThat(resumedFrom).as("resumed from a chunk boundary at or below what was on disk")
          .isGreaterThanOrEqualTo(4L * MIB).isLessThanOrEqualTo(partAtKill)
          .isEqualTo(resumedFrom / published.getChunkSize() * published.getChunkSize());
      assertThat(fetched).as("bytes fetched after the restart").isEqualTo(published.getLength() - resumedFrom);
      assertThat(agent.managed("big").resolve("payload.bin")).hasBinaryContent(noise);
    }
  }

  private static long partSize(Path downloads) {
    if (!Files.isDirectory(downloads)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(downloads)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".part")).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).max().orElse(0);
    } catch (IOException e) {
      return 0;
    }
  }
}
