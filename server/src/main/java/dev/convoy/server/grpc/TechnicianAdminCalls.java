package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.ClaimTechnicianJobRequest;
import dev.convoy.protocol.v1.FinishTechnicianJobRequest;
import dev.convoy.protocol.v1.ListTechnicianJobsRequest;
import dev.convoy.protocol.v1.ListTechnicianJobsResponse;
import dev.convoy.protocol.v1.RollbackTechnicianJobRequest;
import dev.convoy.protocol.v1.StartTechnicianJobRequest;
import dev.convoy.protocol.v1.StepTechnicianJobRequest;
import dev.convoy.protocol.v1.TechnicianJob;
import dev.convoy.protocol.v1.TechnicianJobRequest;
import dev.convoy.protocol.v1.TechnicianLogLine;
import dev.convoy.protocol.v1.TechnicianLogRequest;
import dev.convoy.server.campaign.CampaignService;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.technician.JobView;
import dev.convoy.server.technician.LiveOutput;
import dev.convoy.server.technician.Technician;
import dev.convoy.server.technician.TechnicianJobs;
import dev.convoy.server.technician.TechnicianService;
import dev.convoy.server.technician.TechnicianWork;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The technician calls of AdminService (technician.proto): validation, the caller as a {@link Technician}, domain
 * call, mapping; and the live install log stream. Thread-safe.
 */
public final class TechnicianAdminCalls {
  static final Pattern JOB_ID = Pattern.compile("dep-[0-9a-f]{16}");
  /** How long a follow stays open after the install ended, for the agent's last lines. */
  static final Duration END_GRACE = Duration.ofSeconds(2);

  private final TechnicianJobs jobs;
  private final TechnicianService service;
  private final TechnicianWork work;
  private final LiveOutput output;
  private final CampaignService campaigns;
  private final ScheduledExecutorService timer;

  public TechnicianAdminCalls(TechnicianJobs jobs, TechnicianService service, TechnicianWork work, LiveOutput output,
      CampaignService campaigns, ScheduledExecutorService timer) {
    this.jobs = jobs;
    this.service = service;
    this.work = work;
    this.output = output;
    this.campaigns = campaigns;
    this.timer = timer;
  }

  ListTechnicianJobsResponse list(ListTechnicianJobsRequest request) {
    String group = Require.optionalText("group", request.getGroup(), 128);
    return ListTechnicianJobsResponse.newBuilder().addAllJobs(jobs.queue(caller(), group).stream()
        .map(TechnicianProtoMapper::job).toList()).build();
  }

  TechnicianJob get(TechnicianJobRequest request) {
    return map(jobs.require(caller(), jobId(request.getJobId())));
  }

  TechnicianJob claim(ClaimTechnicianJobRequest request) {
    return map(service.claim(caller(), jobId(request.getJobId()), request.getTakeOver()));
  }

  TechnicianJob release(TechnicianJobRequest request) {
    return map(service.release(caller(), jobId(request.getJobId())));
  }

  TechnicianJob start(StartTechnicianJobRequest request) {
    String job = reachableJob(request.getJobId());
    String code = Require.text("code", request.getCode(), 32);
    return map(work.start(caller(), job, code));
  }

  TechnicianJob step(StepTechnicianJobRequest request) {
    String job = reachableJob(request.getJobId());
    return map(work.step(caller(), job, TechnicianProtoMapper.outcome(request.getOutcome()), request.getNote()));
  }

  TechnicianJob finish(FinishTechnicianJobRequest request) {
    String job = reachableJob(request.getJobId());
    return map(work.finish(caller(), job, TechnicianProtoMapper.verdict(request.getVerdict()), request.getNote()));
  }

  /**
   * The job id, once the job exists and lies in the caller's scope: a person outside the scope learns that before
   * anything about the rest of their request (the domain checks again under its lock).
   */
  private String reachableJob(String value) {
    String job = jobId(value);
    jobs.require(caller(), job);
    return job;
  }

  TechnicianJob rollback(RollbackTechnicianJobRequest request) {
    return map(work.rollback(caller(), jobId(request.getJobId()), request.getToVersion()));
  }

  /** The lines kept, then with {@code follow} new ones until the deployment is final (plus a short grace). */
  void follow(TechnicianLogRequest request, ServerCallStreamObserver<TechnicianLogLine> out) {
    Technician caller;
    JobView view;
    try {
      caller = caller();
      view = jobs.require(caller, jobId(request.getJobId()));
    } catch (RuntimeException e) {
      GrpcCalls.fail(out, e);
      return;
    }
    String jobId = view.job().deploymentId();
    if (!request.getFollow()) {
      send(out, output.since(jobId, request.getAfterSequence()));
      out.onCompleted();
      return;
    }
    new Follow(caller, jobId, out).start(view.deployment().campaignId(), request.getAfterSequence());
  }

  private final class Follow {
    private final Technician caller;
    private final String jobId;
    private final ServerCallStreamObserver<TechnicianLogLine> out;
    private final AtomicBoolean ending = new AtomicBoolean();
    private volatile Runnable stopLines = () -> { };
    private volatile AutoCloseable stopEvents = () -> { };
    private boolean closed;

    Follow(Technician caller, String jobId, ServerCallStreamObserver<TechnicianLogLine> out) {
      this.caller = caller;
      this.jobId = jobId;
      this.out = out;
    }

    void start(String campaignId, long after) {
      out.setOnCancelHandler(this::stop);
      stopLines = output.follow(jobId, after, this::lines);
      stopEvents = campaigns.subscribe(campaignId, id -> check());
      check();
    }

    private synchronized void lines(List<LiveOutput.Line> lines) {
      if (!closed) {
        send(out, lines);
      }
    }

    private void check() {
      JobView view;
      try {
        view = jobs.require(caller, jobId);
      } catch (RuntimeException e) {
        return;
      }
      if (view.deployment().state().isTerminal() && ending.compareAndSet(false, true)) {
        var d = view.deployment();
        timer.schedule(() -> end(TechnicianLogLine.newBuilder().setEnd(true)
            .setFinalState(CampaignProtoMapper.deploymentState(d.state())).setExitCode(d.exitCode())
            .setText("install over: " + d.state() + (d.exitCode() != 0 ? " (exit code " + d.exitCode() + ")" : "")
                + (d.detail().isEmpty() ? "" : ": " + d.detail())).build()),
            END_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    }

    private synchronized void end(TechnicianLogLine last) {
      if (closed) {
        return;
      }
      stop();
      try {
        out.onNext(last);
        out.onCompleted();
      } catch (RuntimeException e) {
        // the client left meanwhile
      }
    }

    private synchronized void stop() {
      closed = true;
      stopLines.run();
      try {
        stopEvents.close();
      } catch (Exception e) {
        // closing a subscription does not fail
      }
    }
  }

  private static void send(ServerCallStreamObserver<TechnicianLogLine> out, List<LiveOutput.Line> lines) {
    try {
      for (LiveOutput.Line line : lines) {
        out.onNext(TechnicianLogLine.newBuilder().setSequence(line.sequence()).setAttempt(line.attempt())
            .setText(line.text()).build());
      }
    } catch (RuntimeException e) {
      // cancelled by the client: the cancel handler stops following
    }
  }

  private static TechnicianJob map(JobView view) {
    return TechnicianProtoMapper.job(view);
  }

  static Technician caller() {
    Principal p = Principal.current();
    if (p.kind() != Principal.Kind.PERSON) {
      throw ConvoyException.permissionDenied("caller is not a person");
    }
    return new Technician(p.name(), p.subject(), p.scopes());
  }

  static String jobId(String value) {
    return Require.matches("job_id", value, JOB_ID, "a job id as convoy tech queue lists it: dep- followed by 16"
        + " lowercase hex digits");
  }
}
