package dev.convoy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.TechnicianJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, must-hold 3, on real processes over mTLS: hello 1.0.0 is installed by an automatic campaign; 2.0.0,
 * whose install script runs out of disk half-way (exit 28) and which carries a KB article declared for exit code
 * 28, is installed with a technician at the desk. The technician's failed sign-off shows the failure and that KB
 * article (so does {@code campaign status --endpoint}); {@code tech rollback} brings the workstation back to 1.0.0,
 * byte for byte.
 */
class TechnicianFailureIT {
  private final Distribution dist = new Distribution();

  @Test
  void failedAssistedInstall_finishShowsKbForExitCode_rollbackRestoresPreviousVersion(@TempDir Path dir)
      throws Exception {
    Path opt = dir.resolve("ws-opt").resolve("hello"); // what the install scripts manage: /opt/hello at a desk
    try (ServerNode server = new ServerNode(dist, dir.resolve("server")).init().start();
        AgentNode agent = new AgentNode(dist, dir.resolve("ws"))) {
      agent.enroll(server, server.enrollmentToken(dir, "lab")).requireSuccess("enroll");
      agent.start();
      Path tina = dir.resolve("tina.pem");
      server.cli(dir, "identity", "issue", "--name", "tina", "--role", "technician", "--scope", "lab",
          "--out", tina.toString()).requireSuccess("identity issue");
      Releases releases = new Releases(server, dir);
      Path v1 = scriptPayload(dir, "1.0.0", opt, "");
      releases.publish(v1, "hello", "1.0.0", "script");
      releases.publish(scriptPayload(dir, "2.0.0", opt, "echo 'writing /opt/hello/share/index.db: No space left on"
          + " device' >&2\nexit 28\n"), "hello", "2.0.0", "script", "--runbook", runbook(dir).toString(),
          "--kb", "KB-28", "--kb-title", "Disk full", "--kb-file", kbArticle(dir).toString(), "--kb-exit-codes", "28");

      Campaign first = server.startCampaign(dir, "--pilot", "--release", "hello@1.0.0", "--targets", "group:lab");
      Await.until(Duration.ofSeconds(90), () -> server.status(first).getCampaign().getState()
          == CampaignState.COMPLETED, () -> "1.0.0 installed: " + server.status(first) + "\n" + agent.currentLog());
      assertThat(server.status(first).getDeployments(0).getState()).isEqualTo(DeploymentState.SUCCEEDED);
      assertThat(opt.resolve("VERSION")).hasContent("1.0.0");

      Campaign assisted = server.startCampaign(dir, "--pilot", "--release", "hello@2.0.0", "--targets",
          "group:lab", "--execution", "technician");
      Await.until(Duration.ofSeconds(90), () -> server.techQueue(tina, dir).getJobsCount() == 1
          && server.techQueue(tina, dir).getJobs(0).getDeploymentState() == DeploymentState.AWAITING_TECHNICIAN,
          () -> "job waiting for a technician: " + server.techQueue(tina, dir) + "\n" + agent.currentLog());
      String job = server.techQueue(tina, dir).getJobs(0).getJobId();
      server.cliAs(tina, dir, "tech", "claim", job).requireSuccess("tech claim");
      server.cliAs(tina, dir, "tech", "start", job, "--code", agent.awaitTechnicianCode(Duration.ofSeconds(60)))
          .requireSuccess("tech start");
      server.cliAs(tina, dir, "tech", "step", job, "--done", "--note", "2 GB free").requireSuccess("step 1");
      Await.until(Duration.ofSeconds(90), () -> !server.techJob(tina, dir, job).getAgentState().isEmpty(),
          () -> "the install ran and ended: " + server.techJob(tina, dir, job) + "\n" + agent.currentLog());
      TechnicianJob failed = server.techJob(tina, dir, job);
      assertThat(failed.getAgentState()).isEqualTo("FAILED");
      assertThat(failed.getExitCode()).isEqualTo(28);
      assertThat(opt.resolve("bin/hello")).as("half of 2.0.0 went in").hasContent(hello("2.0.0"));

      String finish = server.cliAs(tina, dir, "tech", "finish", job, "--failed", "--note", "disk full at the desk")
          .requireSuccess("tech finish").stdout();
      assertThat(finish).contains("failure: state FAILED, exit code 28").contains("KB articles for this failure")
          .contains("KB-28").contains("Disk full");
      assertThat(server.cli(dir, "campaign", "status", assisted.getCampaignId(), "--endpoint",
          failed.getEndpointId()).requireSuccess("campaign status --endpoint").stdout())
          .contains("FAILED").contains("28").contains("KB-28").contains("Disk full");

      assertThat(server.cliAs(tina, dir, "tech", "rollback", job).requireSuccess("tech rollback").stdout())
          .contains("installs hello 1.0.0");
      Await.until(Duration.ofSeconds(90), () -> rollbackOver(server.techJob(tina, dir, job)),
          () -> "rollback campaign over: " + server.techJob(tina, dir, job) + "\n" + agent.currentLog());
      assertThat(server.techJob(tina, dir, job).getRollbackState()).isEqualTo(DeploymentState.SUCCEEDED);
      assertThat(opt.resolve("VERSION")).hasContent("1.0.0");
      assertThat(opt.resolve("bin/hello")).hasSameBinaryContentAs(v1.resolve("app/bin/hello"));
    }
  }

  private static boolean rollbackOver(TechnicianJob job) {
    DeploymentState state = job.getRollbackState();
    return !job.getRollbackCampaignId().isEmpty() && (state == DeploymentState.SUCCEEDED
        || state == DeploymentState.FAILED || state == DeploymentState.FAILED_VERIFICATION
        || state == DeploymentState.ROLLED_BACK || state == DeploymentState.CANCELLED);
  }

  /**
   * A script release of hello: {@code app/} holds the files, {@code install.sh} copies them to {@code opt} (as a
   * vendor's script copies to /opt), running {@code failure} after the program and before VERSION when given.
   */
  private static Path scriptPayload(Path dir, String version, Path opt, String failure) throws IOException {
    Path payload = dir.resolve("hello-" + version);
    Files.createDirectories(payload.resolve("app/bin"));
    Files.writeString(payload.resolve("app/bin/hello"), hello(version));
    Files.writeString(payload.resolve("app/VERSION"), version);
    Files.writeString(payload.resolve("install.sh"), "#!/bin/sh\nset -e\nmkdir -p '" + opt + "/bin'\n"
        + "cp \"$CONVOY_PAYLOAD_DIR/app/bin/hello\" '" + opt + "/bin/hello'\n" + failure
        + "cp \"$CONVOY_PAYLOAD_DIR/app/VERSION\" '" + opt + "/VERSION'\necho \"hello $CONVOY_VERSION installed\"\n");
    return payload;
  }

  private static String hello(String version) {
    return "#!/bin/sh\necho 'hello " + version + "'\n";
  }

  private static Path runbook(Path dir) throws IOException {
    return Files.writeString(dir.resolve("runbook.md"), "# Hello 2.0.0 runbook\n\n## Check disk space\n"
        + "At least 1 GB free on /opt.\n\n## Install hello [install]\nConvoy runs the install.\n\n## Verify\n"
        + "Run `hello`; it prints 2.0.0.\n");
  }

  private static Path kbArticle(Path dir) throws IOException {
    return Files.writeString(dir.resolve("kb-28.md"), "# Disk full\n\nThe installer exits 28 when /opt has no space"
        + " left. Roll back (`convoy tech rollback JOB`), free space on /opt, then install again.\n");
  }
}
