package dev.convoy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.CreateEnrollmentTokenResponse;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.ListTechnicianJobsResponse;
import dev.convoy.protocol.v1.TechnicianJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, must-hold 1, on real processes over mTLS: a TECHNICIAN campaign waits at the endpoint; a technician
 * identity issued by the server's CA queues, claims, proves presence with the code read from the agent's local
 * interface, walks the runbook (the install runs when the runbook reaches its install step), signs off; the sign-off
 * carries the technician's name and the campaign counts the endpoint as succeeded.
 */
class TechnicianIT {
  private static final Pattern CODE = Pattern.compile("code: ([0-9A-Z]{4}-[0-9A-Z]{4})");

  private final Distribution dist = new Distribution();

  @Test
  void technicianCampaign_claimCodeRunbookFinish_countsSucceededWithTechniciansName(@TempDir Path dir)
      throws Exception {
    try (ServerNode server = new ServerNode(dist, dir.resolve("server")).init().start();
        AgentNode agent = new AgentNode(dist, dir.resolve("ws"))) {
      String token = Json.parse(server.cli(dir, "token", "create", "--group", "lab", "--output", "json")
          .requireSuccess("token").stdout(), CreateEnrollmentTokenResponse.getDefaultInstance()).getToken();
      agent.enroll(server, token).requireSuccess("enroll");
      agent.start();
      Path tina = dir.resolve("tina.pem");
      server.cli(dir, "identity", "issue", "--name", "tina", "--role", "technician", "--scope", "lab",
          "--out", tina.toString()).requireSuccess("identity issue");
      new Releases(server, dir).publish(payload(dir), "hello", "1.0.0", "archive",
          "--runbook", runbook(dir).toString());

      Campaign campaign = Json.parse(server.cli(dir, "campaign", "create", "--pilot", "--release", "hello@1.0.0",
          "--targets", "group:lab", "--execution", "technician", "--output", "json")
          .requireSuccess("campaign create").stdout(), Campaign.getDefaultInstance());
      server.cli(dir, "campaign", "start", campaign.getCampaignId()).requireSuccess("campaign start");

      Await.until(Duration.ofSeconds(90), () -> queue(server, tina, dir).getJobsCount() == 1
          && queue(server, tina, dir).getJobs(0).getDeploymentState() == DeploymentState.AWAITING_TECHNICIAN,
          () -> "job waiting for a technician: " + queue(server, tina, dir) + "\n" + agent.currentLog());
      String job = queue(server, tina, dir).getJobs(0).getJobId();
      assertThat(agent.managed("hello")).as("nothing installed before the technician").doesNotExist();

      server.cliAs(tina, dir, "tech", "claim", job).requireSuccess("tech claim");
      String[] code = new String[1];
      Await.until(Duration.ofSeconds(60), () -> {
        Matcher m = CODE.matcher(technicianCode(dir, agent));
        code[0] = m.find() ? m.group(1) : null;
        return code[0] != null;
      }, () -> "the agent shows the code\n" + agent.currentLog());

      assertThat(server.cliAs(tina, dir, "tech", "start", job, "--code", "AAAA-AAAA").exitCode())
          .as("a wrong code is refused").isNotZero();
      server.cliAs(tina, dir, "tech", "start", job, "--code", code[0]).requireSuccess("tech start");
      server.cliAs(tina, dir, "tech", "step", job, "--done", "--note", "48 GB free").requireSuccess("step 1");
      Await.until(Duration.ofSeconds(120), () -> job(server, tina, dir, job).getAgentState().equals("SUCCEEDED"),
          () -> "install ran after the runbook reached its install step: " + job(server, tina, dir, job) + "\n"
              + agent.currentLog());
      assertThat(agent.managed("hello").resolve("bin/hello")).exists();
      server.cliAs(tina, dir, "tech", "step", job, "--done").requireSuccess("install step");
      server.cliAs(tina, dir, "tech", "step", job, "--done", "--note", "opens").requireSuccess("verify step");
      server.cliAs(tina, dir, "tech", "finish", job, "--success", "--note", "works at the desk")
          .requireSuccess("tech finish");

      TechnicianJob done = job(server, tina, dir, job);
      assertThat(done.getSignedOffBy()).isEqualTo("tina");
      assertThat(done.getSignOffNote()).isEqualTo("works at the desk");
      assertThat(done.getPresentBy()).isEqualTo("tina");
      assertThat(done.getStepsList()).hasSize(3);
      Await.until(Duration.ofSeconds(60), () -> status(server, campaign).getCampaign().getState()
          == CampaignState.COMPLETED, () -> "campaign over: " + status(server, campaign));
      assertThat(status(server, campaign).getDeployments(0).getState()).isEqualTo(DeploymentState.SUCCEEDED);
      assertThat(server.cli(dir, "campaign", "status", campaign.getCampaignId()).requireSuccess("status").stdout())
          .contains("1/1 succeeded");
      assertThat(server.cli(dir, "audit", "list", "--campaign", campaign.getCampaignId())
          .requireSuccess("audit").stdout()).contains("tina");
    }
  }

  /** What {@code convoy-agent technician-code} prints on the workstation, as its user would run it. */
  private String technicianCode(Path dir, AgentNode agent) {
    try {
      return dist.run(dir, Duration.ofSeconds(30), "convoy-agent", "technician-code", "--data",
          agent.data().toString()).stdout();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
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

  private static ListTechnicianJobsResponse queue(ServerNode server, Path identity, Path dir) {
    try {
      return Json.parse(server.cliAs(identity, dir, "tech", "queue", "--output", "json").requireSuccess("queue")
          .stdout(), ListTechnicianJobsResponse.getDefaultInstance());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TechnicianJob job(ServerNode server, Path identity, Path dir, String job) {
    try {
      return Json.parse(server.cliAs(identity, dir, "tech", "show", job, "--output", "json").requireSuccess("show")
          .stdout(), TechnicianJob.getDefaultInstance());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CampaignStatus status(ServerNode server, Campaign campaign) {
    return server.admin().getCampaignStatus(
        GetCampaignStatusRequest.newBuilder().setCampaignId(campaign.getCampaignId()).build());
  }
}
