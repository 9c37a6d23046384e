package dev.convoy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.CreateEnrollmentTokenResponse;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, must-hold 4: a real .deb, signed and published, deployed by campaigns to an agent whose dpkg root is
 * isolated: install 1.0.0, upgrade to 2.0.0, then remove — dpkg-query in that root shows each step, and the
 * machine's own dpkg database never changes.
 */
class DebIT {
  private static final String PACKAGE = "convoy-e2e-hello";
  private final Distribution dist = new Distribution();

  @Test
  void debThroughCampaigns_installUpgradeRemove_inAnIsolatedDpkgRoot(@TempDir Path dir) throws Exception {
    String machineStatus = sha256(Path.of("/var/lib/dpkg/status"));
    Path root = dir.resolve("dpkg-root");
    Files.createDirectories(root);
    try (ServerNode server = new ServerNode(dist, dir.resolve("server")).init().start();
        AgentNode agent = new AgentNode(dist, dir.resolve("ws"))) {
      String token = Json.parse(server.cli(dir, "token", "create", "--group", "debs", "--output", "json")
          .requireSuccess("token").stdout(), CreateEnrollmentTokenResponse.getDefaultInstance()).getToken();
      agent.enroll(server, token).requireSuccess("enroll");
      Files.writeString(agent.data().resolve("agent.properties"), "installer.deb.dpkg_root=" + root + "\n",
          java.nio.file.StandardOpenOption.APPEND);
      agent.start();
      Releases releases = new Releases(server, dir);
      releases.publish(Releases.deb(dir, PACKAGE, "1.0.0"), PACKAGE, "1.0.0", "deb");
      releases.publish(Releases.deb(dir, PACKAGE, "2.0.0"), PACKAGE, "2.0.0", "deb");

      complete(server, dir, agent, "--release", PACKAGE + "@1.0.0");
      assertThat(dpkgQuery(root)).isEqualTo("1.0.0 ii");
      assertThat(root.resolve("opt").resolve(PACKAGE).resolve("VERSION")).hasContent("1.0.0");

      complete(server, dir, agent, "--release", PACKAGE + "@2.0.0");
      assertThat(dpkgQuery(root)).isEqualTo("2.0.0 ii");
      assertThat(root.resolve("opt").resolve(PACKAGE).resolve("VERSION")).hasContent("2.0.0");

      complete(server, dir, agent, "--release", PACKAGE + "@2.0.0", "--uninstall");
      assertThat(dpkgQuery(root)).doesNotEndWith("ii");
      assertThat(root.resolve("opt").resolve(PACKAGE).resolve("VERSION")).doesNotExist();
    }
    assertThat(sha256(Path.of("/var/lib/dpkg/status"))).as("the machine's dpkg database").isEqualTo(machineStatus);
  }

  private static void complete(ServerNode server, Path dir, AgentNode agent, String... releaseArgs) throws Exception {
    String[] args = new String[releaseArgs.length + 7];
    args[0] = "campaign";
    args[1] = "create";
    System.arraycopy(releaseArgs, 0, args, 2, releaseArgs.length);
    args[releaseArgs.length + 2] = "--targets";
    args[releaseArgs.length + 3] = "all";
    args[releaseArgs.length + 4] = "--output";
    args[releaseArgs.length + 5] = "json";
    args[releaseArgs.length + 6] = "--pilot";
    Campaign campaign = Json.parse(server.cli(dir, args).requireSuccess("campaign create").stdout(),
        Campaign.getDefaultInstance());
    server.cli(dir, "campaign", "start", campaign.getCampaignId()).requireSuccess("campaign start");
    Await.until(Duration.ofSeconds(120), () -> status(server, campaign).getCampaign().getState()
        == CampaignState.COMPLETED, () -> "campaign COMPLETED: " + status(server, campaign) + "\nagent log:\n"
        + agent.currentLog());
    assertThat(status(server, campaign).getDeployments(0).getState()).isEqualTo(DeploymentState.SUCCEEDED);
  }

  private static CampaignStatus status(ServerNode server, Campaign campaign) {
    return server.admin().getCampaignStatus(
        GetCampaignStatusRequest.newBuilder().setCampaignId(campaign.getCampaignId()).build());
  }

  private static String dpkgQuery(Path root) throws Exception {
    Process process = new ProcessBuilder("dpkg-query", "--admindir=" + root.resolve("var/lib/dpkg"), "-W",
        "-f=${Version} ${db:Status-Abbrev}", PACKAGE).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes()).trim();
    process.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
