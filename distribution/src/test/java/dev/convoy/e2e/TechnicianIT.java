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
 * Issue 5, must-hold 1, on real processes over mTLS: a TECHNICIAN campaign waits at the endpoint; a technician
 * identity issued by the server's CA queues, claims, proves presence with the code read from the agent's local
 * interface, walks the runbook (the install runs when the runbook reaches its install step), signs off; the sign-off
 * carries the technician's name and the campaign counts the endpoint as succeeded.
 */
class TechnicianIT {
  private final Distribution dist = new Distribution();

  @Test
  void technicianCampaign_claimCodeRunbookFinish_countsSucceededWithTechniciansName(@TempDir Path dir)
      throws Exception {
    try (ServerNode server = new ServerNode(dist, dir.resolve("server")).init().start();
        AgentNode agent = new AgentNode(dist, dir.resolve("ws"))) {
      agent.enroll(server, server.enrollmentToken(dir, "lab")).requireSuccess("enroll");
      agent.start();
      Path tina = dir.resolve("tina.pem");
      server.cli(dir, "identity", "issue", "--name", "tina", "--role", "technician", "--scope", "lab",
          "--out", tina.toString()).requireSuccess("identity issue");
      new Releases(server, dir).publish(payload(dir), "hello", "1.0.0", "archive",
          "--runbook", runbook(dir).toString());

      Campaign campaign = server.startCampaign(dir, "--pilot", "--release", "hello@1.0.0", "--targets", "group:lab",
          "--execution", "technician");

      Await.until(Duration.ofSeconds(90), () -> server.techQueue(tina, dir).getJobsCount() == 1
          && server.techQueue(tina, dir).getJobs(0).getDeploymentState() == DeploymentState.AWAITING_TECHNICIAN,
          () -> "job waiting for a technician: " + server.techQueue(tina, dir) + "\n" + agent.currentLog());
      String job = server.techQueue(tina, dir).getJobs(0).getJobId();
      assertThat(agent.managed("hello")).as("nothing installed before the technician").doesNotExist();

      server.cliAs(tina, dir, "tech", "claim", job).requireSuccess("tech claim");
      String code = agent.awaitTechnicianCode(Duration.ofSeconds(60));

      assertThat(server.cliAs(tina, dir, "tech", "start", job, "--code", "AAAA-AAAA").exitCode())
          .as("a wrong code is refused").isNotZero();
      server.cliAs(tina, dir, "tech", "start", job, "--code", code).requireSuccess("tech start");
      server.cliAs(tina, dir, "tech", "step", job, "--done", "--note", "48 GB free").requireSuccess("step 1");
      Await.until(Duration.ofSeconds(120), () -> server.techJob(tina, dir, job).getAgentState().equals("SUCCEEDED"),
          () -> "install ran after the runbook reached its install step: " + server.techJob(tina, dir, job) + "\n"
              + agent.currentLog());
      assertThat(agent.managed("hello").resolve("bin/hello")).exists();
      server.cliAs(tina, dir, "tech", "step", job, "--done").requireSuccess("install step");
      server.cliAs(tina, dir, "tech", "step", job, "--done", "--note", "opens").requireSuccess("verify step");
      server.cliAs(tina, dir, "tech", "finish", job, "--success", "--note", "works at the desk")
          .requireSuccess("tech finish");

      TechnicianJob done = server.techJob(tina, dir, job);
      assertThat(done.getSignedOffBy()).isEqualTo("tina");
      assertThat(done.getSignOffNote()).isEqualTo("works at the desk");
      assertThat(done.getPresentBy()).isEqualTo("tina");
      assertThat(done.getStepsList()).hasSize(3);
      Await.until(Duration.ofSeconds(60), () -> server.status(campaign).getCampaign().getState()
          == CampaignState.COMPLETED, () -> "campaign over: " + server.status(campaign));
      assertThat(server.status(campaign).getDeployments(0).getState()).isEqualTo(DeploymentState.SUCCEEDED);
      assertThat(server.cli(dir, "campaign", "status", campaign.getCampaignId()).requireSuccess("status").stdout())
          .contains("1/1 succeeded");
      assertThat(server.cli(dir, "audit", "list", "--campaign", campaign.getCampaignId())
          .requireSuccess("audit").stdout()).contains("tina");
    }
  }

  private static Path payload(Path dir) throws IOException {
    Path payload = dir.resolve("hello");
    Files.createDirectories(payload.resolve("bin"));
    Files.writeString(payload.resolve("bin/hello"), "#!/bin/sh\necho hello\n");
    return payload;
  }

  private static Path runbook(Path dir) throws IOException {
    Path runbook = dir.resolve("runbook.md");
    Files.writeString(runbook, "# Hello 1.0.0 runbook\n\n## Check disk space\nAt least 1 GB free on /opt.\n\n"
        + "## Install hello [install]\nConvoy runs the install.\n\n## Verify\nRun `hello`; it greets you.\n");
    return runbook;
  }
}
