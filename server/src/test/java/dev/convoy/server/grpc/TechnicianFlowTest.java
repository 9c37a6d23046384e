package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.ClaimTechnicianJobRequest;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.Execution;
import dev.convoy.protocol.v1.FinishTechnicianJobRequest;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.InstallOutput;
import dev.convoy.protocol.v1.ListAuditEntriesRequest;
import dev.convoy.protocol.v1.ListTechnicianJobsRequest;
import dev.convoy.protocol.v1.RollbackTechnicianJobRequest;
import dev.convoy.protocol.v1.RunbookStepOutcome;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.protocol.v1.StartTechnicianJobRequest;
import dev.convoy.protocol.v1.StatusReport;
import dev.convoy.protocol.v1.StepTechnicianJobRequest;
import dev.convoy.protocol.v1.SyncRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.protocol.v1.TechnicianJob;
import dev.convoy.protocol.v1.TechnicianJobPhase;
import dev.convoy.protocol.v1.TechnicianJobRequest;
import dev.convoy.protocol.v1.TechnicianLogLine;
import dev.convoy.protocol.v1.TechnicianLogRequest;
import dev.convoy.protocol.v1.TechnicianVerdict;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.server.people.Role;
import dev.convoy.server.testing.ReleaseFiles;
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The technician-assisted flow over real gRPC and mTLS: technicians and an observer registered with roles, agents
 * simulated at the protocol level (Sync, ReportStatus, ReportInstallOutput), a restart of the server in the middle.
 */
class TechnicianFlowTest {
  static final String RUNBOOK = "# Hello\nIntro.\n## Check disk space\nRun df -h.\n## Install hello [install]\n"
      + "## Verify\nRun hello.\n";
  @TempDir Path dir;
  @TempDir Path work;
  private TestServer server;
  private Identity tina;
  private Identity tom;
  private Identity olga;
  private Identity a;
  private Identity b;
  private Identity c;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, config -> config.withChunkSize(4096));
    tina = server.personWithRoles("tina", Set.of(Role.TECHNICIAN), Set.of("lab"));
    tom = server.personWithRoles("tom", Set.of(Role.TECHNICIAN), Set.of());
    olga = server.personWithRoles("olga", Set.of(Role.OBSERVER), Set.of());
    PublisherKeyPair key = PublisherKeys.generate();
    PublisherKeyGrpcTest.trust(server, "IT packaging", key);
    Path runbook = Files.writeString(work.resolve("runbook.md"), RUNBOOK);
    byte[] file = ReleaseFiles.build(work, key, "hello", "1.0.0", builder -> builder.runbook(runbook));
    SignedPublisher.upload(server, SignedPublisher.signedHeader(file), file);
    a = server.enroll("lab", "pc-a");
    b = server.enroll("lab", "pc-b");
    c = server.enroll("paris", "pc-c");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Campaign technicianCampaign() {
    Campaign draft = server.adminStub().createCampaign(CreateCampaignRequest.newBuilder().setPilot(true).setReleaseName("hello")
        .setReleaseVersion("1.0.0").setExecution(Execution.TECHNICIAN)
        .setTargets(Targets.newBuilder().addGroups("lab").addGroups("paris")).build());
    return server.adminStub().startCampaign(StartCampaignRequest.newBuilder()
        .setCampaignId(draft.getCampaignId()).build());
  }

  /** A workstation agent reduced to its protocol. */
  private final class Agent {
    final Identity identity;
    long sequence;
    DeploymentSpec spec;

    Agent(Identity identity) {
      this.identity = identity;
    }

    DeploymentSpec sync() {
      spec = server.agentStub(identity).sync(SyncRequest.newBuilder().setEndpointId(TestServer.endpointId(identity))
          .build()).getDeployments(0);
      return spec;
    }

    void report(DeploymentState state) {
      server.agentStub(identity).reportStatus(StatusReport.newBuilder().setEndpointId(TestServer.endpointId(identity))
          .setDeploymentId(spec.getDeploymentId()).setAttempt(spec.getAttempt()).setSequence(++sequence)
          .setState(state).setExitCode(state == DeploymentState.FAILED ? 28 : 0).build());
    }

    /** Walks up to the install permit, which the server refuses: the agent then waits for a technician. */
    void waitForTechnician() {
      sync();
      for (DeploymentState s : List.of(DeploymentState.OFFERED, DeploymentState.NOTIFIED,
          DeploymentState.DOWNLOADING, DeploymentState.DOWNLOADED)) {
        report(s);
      }
      assertThat(permitRefusal()).contains("waiting for a technician at the endpoint");
      report(DeploymentState.AWAITING_TECHNICIAN);
    }

    String permitRefusal() {
      return assertStatus(() -> report(DeploymentState.INSTALLING), Status.Code.FAILED_PRECONDITION);
    }

    void output(long first, String... lines) {
      server.agentStub(identity).reportInstallOutput(InstallOutput.newBuilder()
          .setEndpointId(TestServer.endpointId(identity)).setDeploymentId(spec.getDeploymentId())
          .setAttempt(spec.getAttempt()).setFirstSequence(first).addAllLines(List.of(lines)).build());
    }
  }

  private static TechnicianJob claim(AdminServiceBlockingStub stub, String job, boolean takeOver) {
    return stub.claimTechnicianJob(ClaimTechnicianJobRequest.newBuilder().setJobId(job).setTakeOver(takeOver)
        .build());
  }

  private static TechnicianJob start(AdminServiceBlockingStub stub, String job, String code) {
    return stub.startTechnicianJob(StartTechnicianJobRequest.newBuilder().setJobId(job).setCode(code).build());
  }

  private static TechnicianJob step(AdminServiceBlockingStub stub, String job, String note) {
    return stub.stepTechnicianJob(StepTechnicianJobRequest.newBuilder().setJobId(job)
        .setOutcome(RunbookStepOutcome.STEP_DONE).setNote(note).build());
  }

  private static TechnicianJob finish(AdminServiceBlockingStub stub, String job, TechnicianVerdict verdict) {
    return stub.finishTechnicianJob(FinishTechnicianJobRequest.newBuilder().setJobId(job).setVerdict(verdict)
        .setNote("all good at the desk").build());
  }

  @Test
  void assistedInstall_claimCodeRunbookOutputSignOff_survivesRestartAndCountsAsSucceeded() throws Exception {
    Campaign campaign = technicianCampaign();
    Agent agentA = new Agent(a);
    Agent agentB = new Agent(b);
    Agent agentC = new Agent(c);
    agentA.waitForTechnician();
    agentB.waitForTechnician();
    agentC.waitForTechnician();
    String jobA = agentA.spec.getDeploymentId();
    String jobB = agentB.spec.getDeploymentId();

    List<TechnicianJob> queue = server.adminStub(tina).listTechnicianJobs(ListTechnicianJobsRequest
        .getDefaultInstance()).getJobsList();
    assertThat(queue).extracting(TechnicianJob::getHostname).containsExactlyInAnyOrder("pc-a", "pc-b");
    assertThat(queue).allSatisfy(j -> assertThat(j.getPhase()).isEqualTo(TechnicianJobPhase.JOB_WAITING));
    assertThat(server.adminStub(tom).listTechnicianJobs(ListTechnicianJobsRequest.newBuilder().setGroup("paris")
        .build()).getJobsList()).extracting(TechnicianJob::getHostname).containsExactly("pc-c");

    TechnicianJob claimed = claim(server.adminStub(tina), jobA, false);
    assertThat(claimed.getPhase()).isEqualTo(TechnicianJobPhase.JOB_CLAIMED);
    assertThat(claimed.getClaimedBy()).isEqualTo("tina");
    assertThat(claimed.getMessage()).contains("convoy-agent technician-code");
    String codeA = agentA.sync().getTechnicianVisit().getCode();
    assertThat(codeA).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
    assertThat(agentA.spec.getTechnicianVisit().getTechnician()).isEqualTo("tina");
    assertThat(claimed.toString()).doesNotContain(codeA).doesNotContain(codeA.replace("-", ""));
    claim(server.adminStub(tina), jobB, false);
    String codeB = agentB.sync().getTechnicianVisit().getCode();

    assertThat(assertStatus(() -> start(server.adminStub(tina), jobA, codeB), Status.Code.PERMISSION_DENIED))
        .isEqualTo("code: wrong for job " + jobA + " and technician tina (4 attempts left)");
    assertThat(assertStatus(() -> start(server.adminStub(tom), jobA, codeA), Status.Code.PERMISSION_DENIED))
        .startsWith("job " + jobA + " is claimed by tina, not by tom");

    server.restart();
    TechnicianJob afterRestart = server.adminStub(tina).getTechnicianJob(TechnicianJobRequest.newBuilder()
        .setJobId(jobA).build());
    assertThat(afterRestart.getClaimedBy()).isEqualTo("tina");
    assertThat(afterRestart.getCodeAttemptsLeft()).isEqualTo(4);
    assertThat(agentA.sync().getTechnicianVisit().getCode()).isEmpty();
    assertThat(agentA.spec.getTechnicianVisit().getTechnician()).isEqualTo("tina");

    TechnicianJob started = start(server.adminStub(tina), jobA, codeA.toLowerCase().replace("-", " "));
    assertThat(started.getPhase()).isEqualTo(TechnicianJobPhase.JOB_STARTED);
    assertThat(started.getPresentBy()).isEqualTo("tina");
    assertThat(started.getStepsList()).extracting(s -> s.getTitle())
        .containsExactly("Check disk space", "Install hello", "Verify");
    assertThat(started.getMessage()).contains("Next: step 1/3 'Check disk space'");
    assertThat(agentA.sync().hasTechnicianVisit()).isFalse();
    assertThat(agentA.permitRefusal()).contains("waiting for a technician");

    TechnicianJob installing = step(server.adminStub(tina), jobA, "48 GB free");
    assertThat(installing.getPhase()).isEqualTo(TechnicianJobPhase.JOB_INSTALLING);
    assertThat(installing.getMessage()).contains("the install may run now");
    agentA.report(DeploymentState.INSTALLING);
    agentA.output(1, "[install.sh] unpacking", "[install.sh] copying files");
    agentA.output(2, "[install.sh] copying files", "[install.sh] done");
    assertThat(assertStatus(() -> finish(server.adminStub(tina), jobA, TechnicianVerdict.VERDICT_SUCCESS),
        Status.Code.FAILED_PRECONDITION)).contains("the agent has not reported a final state yet (deployment "
            + "INSTALLING)");
    assertThat(assertStatus(() -> step(server.adminStub(tina), jobA, "too early"), Status.Code.FAILED_PRECONDITION))
        .contains("is the install step and the install is not over");

    Iterator<TechnicianLogLine> follow = server.adminStub(tina).followTechnicianLog(TechnicianLogRequest
        .newBuilder().setJobId(jobA).setFollow(true).build());
    List<String> seen = new ArrayList<>();
    seen.add(follow.next().getText());
    agentA.output(4, "[install.sh] verified");
    agentA.report(DeploymentState.VERIFYING);
    agentA.report(DeploymentState.SUCCEEDED);
    TechnicianLogLine last = null;
    while (follow.hasNext()) {
      last = follow.next();
      seen.add(last.getText());
    }
    assertThat(seen).startsWith("[install.sh] unpacking", "[install.sh] copying files", "[install.sh] done",
        "[install.sh] verified");
    assertThat(last.getEnd()).isTrue();
    assertThat(last.getFinalState()).isEqualTo(DeploymentState.SUCCEEDED);

    step(server.adminStub(tina), jobA, "installed");
    TechnicianJob walked = step(server.adminStub(tina), jobA, "hello prints 1.0.0");
    assertThat(walked.getPhase()).isEqualTo(TechnicianJobPhase.JOB_AWAITING_SIGN_OFF);
    assertThat(walked.getMessage()).contains("Runbook walked");
    TechnicianJob signed = finish(server.adminStub(tina), jobA, TechnicianVerdict.VERDICT_SUCCESS);
    assertThat(signed.getPhase()).isEqualTo(TechnicianJobPhase.JOB_FINISHED);

    server.restart();
    TechnicianJob record = server.adminStub(tom).getTechnicianJob(TechnicianJobRequest.newBuilder().setJobId(jobA)
        .build());
    assertThat(record.getSignedOffBy()).isEqualTo("tina");
    assertThat(record.getVerdict()).isEqualTo(TechnicianVerdict.VERDICT_SUCCESS);
    assertThat(record.getSignOffNote()).isEqualTo("all good at the desk");
    assertThat(record.getAgentState()).isEqualTo("SUCCEEDED");
    assertThat(record.getStepsList()).extracting(s -> s.getOutcome() + " " + s.getBy() + " " + s.getNote())
        .containsExactly("STEP_DONE tina 48 GB free", "STEP_DONE tina installed", "STEP_DONE tina hello prints 1.0.0");
    assertThat(server.adminStub().getCampaignStatus(GetCampaignStatusRequest.newBuilder()
        .setCampaignId(campaign.getCampaignId()).build()).getSucceeded()).isEqualTo(1);
    assertThat(server.adminStub().listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()).getEntriesList())
        .extracting(e -> e.getAction() + " " + e.getTarget())
        .contains("technician.claim " + jobA, "technician.code-refused " + jobA, "technician.start " + jobA,
            "technician.sign-off " + jobA);
    assertThat(server.adminStub().listAuditEntries(ListAuditEntriesRequest.newBuilder()
        .setCampaignId(campaign.getCampaignId()).build()).getEntriesList())
        .as("the campaign's audit trail holds its technicians' work").extracting(e -> e.getAction() + " "
            + e.getActor().contains("tina"))
        .contains("technician.claim true", "technician.start true", "technician.sign-off true");
  }

  @Test
  void refusals_scopeRolesExpiryBurnedCodeTakeOver_clearErrors() throws Exception {
    technicianCampaign();
    Agent agentA = new Agent(a);
    Agent agentC = new Agent(c);
    agentA.waitForTechnician();
    agentC.waitForTechnician();
    String jobA = agentA.spec.getDeploymentId();
    String jobC = agentC.spec.getDeploymentId();

    assertThat(assertStatus(() -> claim(server.adminStub(tina), jobC, false), Status.Code.PERMISSION_DENIED))
        .isEqualTo("job: " + jobC + " is at endpoint " + TestServer.endpointId(c) + " (group paris), outside the"
            + " scope of tina (groups: lab)");
    assertStatus(() -> claim(server.adminStub(olga), jobA, false), Status.Code.PERMISSION_DENIED);
    assertStatus(() -> server.adminStub(tina).createCampaign(CreateCampaignRequest.newBuilder().setPilot(true)
        .setReleaseName("hello").setReleaseVersion("1.0.0").setTargets(Targets.newBuilder().setAll(true)).build()),
        Status.Code.PERMISSION_DENIED);

    claim(server.adminStub(tina), jobA, false);
    server.clock.advance(Duration.ofMinutes(6));
    String expired = agentA.sync().hasTechnicianVisit() ? "shown" : "gone";
    assertThat(expired).isEqualTo("gone");
    assertThat(assertStatus(() -> start(server.adminStub(tina), jobA, "0000-0000"), Status.Code.FAILED_PRECONDITION))
        .startsWith("code: expired at ").endsWith("; claim again for a new code (convoy tech claim " + jobA + ")");

    claim(server.adminStub(tina), jobA, false);
    for (int i = 4; i >= 1; i--) {
      assertThat(assertStatus(() -> start(server.adminStub(tina), jobA, "0000-0000"), Status.Code.PERMISSION_DENIED))
          .endsWith("(" + i + " attempt" + (i == 1 ? "" : "s") + " left)");
    }
    assertThat(assertStatus(() -> start(server.adminStub(tina), jobA, "0000-0000"), Status.Code.PERMISSION_DENIED))
        .endsWith("no attempts left: the code is burned, claim again for a new code");
    assertThat(agentA.sync().hasTechnicianVisit()).isFalse();
    assertThat(assertStatus(() -> start(server.adminStub(tina), jobA, "0000-0000"), Status.Code.FAILED_PRECONDITION))
        .startsWith("code: burned");

    assertThat(assertStatus(() -> claim(server.adminStub(tom), jobA, false), Status.Code.FAILED_PRECONDITION))
        .startsWith("job " + jobA + " is claimed by tina since ");
    TechnicianJob taken = claim(server.adminStub(tom), jobA, true);
    assertThat(taken.getClaimedBy()).isEqualTo("tom");
    assertThat(taken.getMessage()).startsWith("taken over from tina");
    String code = agentA.sync().getTechnicianVisit().getCode();
    assertThat(agentA.spec.getTechnicianVisit().getTechnician()).isEqualTo("tom");
    start(server.adminStub(tom), jobA, code);
    step(server.adminStub(tom), jobA, "");
    agentA.report(DeploymentState.INSTALLING);
    agentA.report(DeploymentState.SUCCEEDED);

    TechnicianJob failed = finish(server.adminStub(tom), jobA, TechnicianVerdict.VERDICT_FAILED);
    assertThat(failed.getDeploymentState()).isEqualTo(DeploymentState.FAILED);
    assertThat(failed.getDetail()).isEqualTo("technician tom: all good at the desk");
    assertThat(failed.getAgentState()).isEqualTo("SUCCEEDED");
    TechnicianJob rollback = server.adminStub(tom).rollbackTechnicianJob(RollbackTechnicianJobRequest.newBuilder()
        .setJobId(jobA).build());
    assertThat(rollback.getRollbackCampaignId()).startsWith("cmp-");
    assertThat(rollback.getMessage()).contains("uninstalls hello");
    assertThat(rollback.getRollbackState()).isEqualTo(DeploymentState.PENDING);
    assertThat(server.adminStub().listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()).getEntriesList())
        .extracting(e -> e.getAction() + " " + e.getDetailsMap().getOrDefault("taken_over_from", ""))
        .contains("technician.take-over tina");
  }
}
