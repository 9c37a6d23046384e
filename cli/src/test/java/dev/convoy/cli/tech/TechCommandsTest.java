package dev.convoy.cli.tech;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.convoy.cli.CliEnvironment;
import dev.convoy.cli.ConvoyCli;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.quickstart.OsProcessLauncher;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.FindKbArticlesRequest;
import dev.convoy.protocol.v1.FindKbArticlesResponse;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.KbArticleSummary;
import dev.convoy.protocol.v1.KbCoverage;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.StateChange;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.ClaimTechnicianJobRequest;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.FinishTechnicianJobRequest;
import dev.convoy.protocol.v1.ListTechnicianJobsRequest;
import dev.convoy.protocol.v1.ListTechnicianJobsResponse;
import dev.convoy.protocol.v1.RunbookStep;
import dev.convoy.protocol.v1.RunbookStepOutcome;
import dev.convoy.protocol.v1.StartTechnicianJobRequest;
import dev.convoy.protocol.v1.StepTechnicianJobRequest;
import dev.convoy.protocol.v1.TechnicianJob;
import dev.convoy.protocol.v1.TechnicianJobPhase;
import dev.convoy.protocol.v1.TechnicianLogLine;
import dev.convoy.protocol.v1.TechnicianLogRequest;
import dev.convoy.protocol.v1.TechnicianVerdict;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code convoy tech} against an in-process AdminService double that answers the technician calls. */
class TechCommandsTest {
  static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  static final String JOB = "dep-0123456789abcdef";

  /** Answers technician calls with scripted jobs and records the requests. */
  static final class FakeTechnician extends AdminServiceGrpc.AdminServiceImplBase {
    final List<Object> requests = new ArrayList<>();
    TechnicianJob job = job().build();
    Status refusal;
    List<TechnicianLogLine> log = List.of();
    /** The failed deployment's status and the KB articles matching it; null: those calls are unimplemented. */
    DeploymentStatus deployment;
    List<KbArticleSummary> articles = List.of();

    private <T> void answer(Object request, StreamObserver<T> observer, T response) {
      requests.add(request);
      if (refusal != null) {
        observer.onError(refusal.asRuntimeException());
        return;
      }
      observer.onNext(response);
      observer.onCompleted();
    }

    @Override
    public void listTechnicianJobs(ListTechnicianJobsRequest r, StreamObserver<ListTechnicianJobsResponse> o) {
      answer(r, o, ListTechnicianJobsResponse.newBuilder().addJobs(job).build());
    }

    @Override
    public void claimTechnicianJob(ClaimTechnicianJobRequest r, StreamObserver<TechnicianJob> o) {
      answer(r, o, job);
    }

    @Override
    public void startTechnicianJob(StartTechnicianJobRequest r, StreamObserver<TechnicianJob> o) {
      answer(r, o, job);
    }

    @Override
    public void stepTechnicianJob(StepTechnicianJobRequest r, StreamObserver<TechnicianJob> o) {
      answer(r, o, job);
    }

    @Override
    public void finishTechnicianJob(FinishTechnicianJobRequest r, StreamObserver<TechnicianJob> o) {
      answer(r, o, job);
    }

    @Override
    public void getCampaignStatus(GetCampaignStatusRequest r, StreamObserver<CampaignStatus> o) {
      if (deployment == null) {
        super.getCampaignStatus(r, o);
        return;
      }
      o.onNext(CampaignStatus.newBuilder().setCampaign(Campaign.newBuilder().setCampaignId(r.getCampaignId())
          .setRelease(Release.newBuilder().setName("hello").setVersion("1.0.0"))).addDeployments(deployment).build());
      o.onCompleted();
    }

    @Override
    public void findKbArticles(FindKbArticlesRequest r, StreamObserver<FindKbArticlesResponse> o) {
      requests.add(r);
      o.onNext(FindKbArticlesResponse.newBuilder().addAllArticles(articles).build());
      o.onCompleted();
    }

    @Override
    public void followTechnicianLog(TechnicianLogRequest r, StreamObserver<TechnicianLogLine> o) {
      requests.add(r);
      log.forEach(o::onNext);
      o.onCompleted();
    }
  }

  static TechnicianJob.Builder job() {
    Timestamp waiting = Timestamp.newBuilder().setSeconds(NOW.getEpochSecond() - 3600).build();
    return TechnicianJob.newBuilder().setJobId(JOB).setEndpointId("ep-00000000000000aa").setHostname("pc-42")
        .addUsers("alice").setGroup("lab").setReleaseName("hello").setReleaseVersion("1.0.0")
        .setCampaignId("cmp-0000000000000001").setDeploymentState(DeploymentState.AWAITING_TECHNICIAN)
        .setWaitingSince(waiting).setPhase(TechnicianJobPhase.JOB_WAITING);
  }

  private final FakeTechnician service = new FakeTechnician();
  private Server server;
  private final List<ManagedChannel> channels = new ArrayList<>();
  private String name;

  @BeforeEach
  void start() throws Exception {
    name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(service).build().start();
  }

  @AfterEach
  void stop() throws Exception {
    for (ManagedChannel channel : channels) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private record Result(int exitCode, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--server", "127.0.0.1:8443", "--identity", "tina.pem"));
    all.addAll(List.of(args));
    CliEnvironment environment = new CliEnvironment(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true),
        Clock.fixed(NOW, ZoneOffset.UTC), false, (address, identity) -> {
          ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
          channels.add(channel);
          return channel;
        }, new OsProcessLauncher(), Path.of("").toAbsolutePath(), Optional.empty());
    int code = ConvoyCli.run(environment, all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void queue_jobs_tableWithEndpointUserReleaseAndWaitingTime() {
    Result result = run("tech", "queue", "--group", "lab");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(service.requests).containsExactly(ListTechnicianJobsRequest.newBuilder().setGroup("lab").build());
    assertThat(result.out().lines().toList()).hasSize(2);
    assertThat(result.out()).startsWith("JOB  ").contains("CLAIMED BY").contains(JOB + "  ep-00000000000000aa  pc-42  "
        + "alice  hello@1.0.0  cmp-0000000000000001  waiting");
  }

  @Test
  void claim_takeOver_sentAndMessagePrinted() {
    service.job = job().setPhase(TechnicianJobPhase.JOB_CLAIMED).setClaimedBy("tina")
        .setMessage("claimed; a one-time code is shown at pc-42").build();

    Result result = run("tech", "claim", JOB, "--take-over");

    assertThat(result.exitCode()).isZero();
    assertThat(service.requests).containsExactly(ClaimTechnicianJobRequest.newBuilder().setJobId(JOB)
        .setTakeOver(true).build());
    assertThat(result.out()).isEqualTo("claimed; a one-time code is shown at pc-42\n");
  }

  @Test
  void start_wrongCode_serverRefusalShownExit1() {
    service.refusal = Status.PERMISSION_DENIED.withDescription("code: wrong for job " + JOB
        + " and technician tina (4 attempts left)");

    Result result = run("tech", "start", JOB, "--code", "0000-0000");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).contains("PERMISSION_DENIED").contains("(4 attempts left)");
  }

  @Test
  void step_doneWithFollow_printsNextStepThenLiveOutputToTheEnd() {
    service.job = job().setPhase(TechnicianJobPhase.JOB_INSTALLING).setInstallAllowed(true).setCurrentStep(2)
        .addSteps(RunbookStep.newBuilder().setNumber(1).setTitle("Check disk").setOutcome(RunbookStepOutcome.STEP_DONE))
        .addSteps(RunbookStep.newBuilder().setNumber(2).setTitle("Install hello").setInstall(true)
            .setBody("Watch the output.").setOutcome(RunbookStepOutcome.STEP_PENDING))
        .setMessage("step 1 done. Next: step 2/2 'Install hello' [install] — the install may run now").build();
    service.log = List.of(TechnicianLogLine.newBuilder().setSequence(1).setText("[install.sh] unpacking").build(),
        TechnicianLogLine.newBuilder().setEnd(true).setFinalState(DeploymentState.FAILED).setExitCode(28)
            .setText("install over: FAILED (exit code 28)").build());

    Result result = run("tech", "step", JOB, "--done", "--note", "48 GB free", "--follow");

    assertThat(service.requests.get(0)).isEqualTo(StepTechnicianJobRequest.newBuilder().setJobId(JOB)
        .setOutcome(RunbookStepOutcome.STEP_DONE).setNote("48 GB free").build());
    assertThat(result.out()).isEqualTo("step 1 done. Next: step 2/2 'Install hello' [install] — the install may run"
        + " now\nstep 2/2: Install hello [install]\n  Watch the output.\n[install.sh] unpacking\n");
    assertThat(result.err()).contains("install over: FAILED (exit code 28)\nfailure: state FAILED, exit code 28\n");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
  }

  @Test
  void step_bothOutcomes_usageError() {
    Result result = run("tech", "step", JOB, "--done", "--skip");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(service.requests).isEmpty();
  }

  @Test
  void finish_failed_printsFailureStateExitCodeAndRollbackHint() {
    service.job = job().setPhase(TechnicianJobPhase.JOB_FINISHED).setDeploymentState(DeploymentState.FAILED)
        .setExitCode(28).setVerdict(TechnicianVerdict.VERDICT_FAILED).setMessage("signed off as failed by tina")
        .build();

    Result result = run("tech", "finish", JOB, "--failed", "--note", "disk full");

    assertThat(service.requests).containsExactly(FinishTechnicianJobRequest.newBuilder().setJobId(JOB)
        .setVerdict(TechnicianVerdict.VERDICT_FAILED).setNote("disk full").build());
    assertThat(result.out()).isEqualTo("signed off as failed by tina\nfailure: state FAILED, exit code 28\n");
    assertThat(result.err()).isEqualTo("Roll back: convoy tech rollback " + JOB + "\n");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void finish_failedWithMatchingKbArticle_showsTheArticle() {
    service.job = job().setPhase(TechnicianJobPhase.JOB_FINISHED).setDeploymentState(DeploymentState.FAILED)
        .setExitCode(28).setVerdict(TechnicianVerdict.VERDICT_FAILED).setMessage("signed off as failed by tina")
        .build();
    service.deployment = DeploymentStatus.newBuilder().setEndpointId("ep-00000000000000aa")
        .setState(DeploymentState.FAILED).setExitCode(28)
        .addHistory(StateChange.newBuilder().setState(DeploymentState.INSTALLING))
        .addHistory(StateChange.newBuilder().setState(DeploymentState.FAILED)).build();
    service.articles = List.of(KbArticleSummary.newBuilder().setId("KB-28").setTitle("Disk full")
        .setReleaseName("hello").setReleaseVersion("1.0.0")
        .setCovers(KbCoverage.newBuilder().addExitCodes(28)).build());

    Result result = run("tech", "finish", JOB, "--failed", "--note", "disk full");

    assertThat(service.requests).contains(FindKbArticlesRequest.newBuilder().setReleaseName("hello")
        .setReleaseVersion("1.0.0").setFailureState(DeploymentState.INSTALLING).setExitCode(28).setHasExitCode(true)
        .build());
    assertThat(result.out()).startsWith("signed off as failed by tina\nfailure: state FAILED, exit code 28\n")
        .contains("KB articles for this failure").contains("KB-28").contains("Disk full");
    assertThat(result.exitCode()).isZero();
  }
}
