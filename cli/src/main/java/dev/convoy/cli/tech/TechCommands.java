package dev.convoy.cli.tech;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.kb.FailureArticles;
import dev.convoy.cli.kb.KbView;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.ClaimTechnicianJobRequest;
import dev.convoy.protocol.v1.FinishTechnicianJobRequest;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.ListTechnicianJobsRequest;
import dev.convoy.protocol.v1.RollbackTechnicianJobRequest;
import dev.convoy.protocol.v1.RunbookStepOutcome;
import dev.convoy.protocol.v1.StartTechnicianJobRequest;
import dev.convoy.protocol.v1.StepTechnicianJobRequest;
import dev.convoy.protocol.v1.TechnicianJob;
import dev.convoy.protocol.v1.TechnicianJobPhase;
import dev.convoy.protocol.v1.TechnicianJobRequest;
import dev.convoy.protocol.v1.TechnicianVerdict;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code convoy tech} leaf commands; each prints the job after the change and says what comes next. */
final class TechCommands {
  private TechCommands() {}

  /** What every job command shares: the job id, the output format, and printing the answer. */
  abstract static class JobCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "JOB", description = "The job id, as 'convoy tech queue' lists it.")
    String jobId;

    @Mixin
    OutputOption output;

    JobCommand(CliContext context) {
      super(context);
    }

    /** Prints the job: JSON, or its message and what the walk shows next. */
    int print(TechnicianJob job, boolean json) {
      if (json) {
        context.out().println(Json.pretty(job));
        return ExitCodes.OK;
      }
      context.out().println(job.getMessage());
      String current = TechJobView.current(job);
      if (!current.isEmpty() && job.getPhase() != TechnicianJobPhase.JOB_FINISHED) {
        context.out().print(current);
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "queue", description = "Lists the jobs waiting for a technician at endpoints you may serve.")
  static final class Queue extends CliCommand {
    @Option(names = "--group", paramLabel = "SITE", description = "Only jobs at endpoints of this group (site).")
    String group = "";

    @Mixin
    OutputOption output;

    Queue(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      boolean json = output.json();
      var jobs = context.admin().listTechnicianJobs(ListTechnicianJobsRequest.newBuilder().setGroup(group).build());
      context.out().print(json ? Json.pretty(jobs) + "\n" : TechJobView.queue(jobs.getJobsList(),
          context.clock().instant()));
      return ExitCodes.OK;
    }
  }

  @Command(name = "show", description = "Prints a job's full record: claim, presence, runbook walk, sign-off.")
  static final class Show extends JobCommand {
    Show(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      boolean json = output.json();
      TechnicianJob job = context.admin().getTechnicianJob(TechnicianJobRequest.newBuilder().setJobId(jobId).build());
      context.out().print(json ? Json.pretty(job) + "\n" : TechJobView.show(job));
      return ExitCodes.OK;
    }
  }

  @Command(name = "claim", description = "Reserves a job; the endpoint shows a one-time code to give you at the desk.")
  static final class Claim extends JobCommand {
    @Option(names = "--take-over", description = "Take a job another technician claimed (audited).")
    boolean takeOver;

    Claim(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      boolean json = output.json();
      return print(context.admin().claimTechnicianJob(ClaimTechnicianJobRequest.newBuilder().setJobId(jobId)
          .setTakeOver(takeOver).build()), json);
    }
  }

  @Command(name = "release", description = "Gives a claimed job back to the queue.")
  static final class Release extends JobCommand {
    Release(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      boolean json = output.json();
      return print(context.admin().releaseTechnicianJob(TechnicianJobRequest.newBuilder().setJobId(jobId).build()),
          json);
    }
  }

  @Command(name = "start", description = "Proves your presence with the code the endpoint shows; the runbook begins.")
  static final class Start extends JobCommand {
    @Option(names = "--code", required = true, paramLabel = "CODE",
        description = "The code shown at the endpoint (convoy-agent technician-code).")
    String code;

    @Option(names = "--follow", description = "When the install may run, follow its output to the end.")
    boolean follow;

    Start(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      boolean json = output.json();
      TechnicianJob job = context.admin().startTechnicianJob(StartTechnicianJobRequest.newBuilder().setJobId(jobId)
          .setCode(code).build());
      print(job, json);
      return follow && job.getInstallAllowed() && !json ? TechLog.print(context, jobId, true) : ExitCodes.OK;
    }
  }

  @Command(name = "step", description = "Walks the current runbook step (done or skipped) and shows the next one.")
  static final class Step extends JobCommand {
    static final class Outcome {
      @Option(names = "--done", required = true, description = "The step was done.")
      boolean done;

      @Option(names = "--skip", required = true, description = "The step was skipped.")
      boolean skip;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Outcome outcome;

    @Option(names = "--note", paramLabel = "TEXT", description = "What you saw or did.")
    String note = "";

    @Option(names = "--follow", description = "When the install may run, follow its output to the end.")
    boolean follow;

    Step(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      boolean json = output.json();
      TechnicianJob job = context.admin().stepTechnicianJob(StepTechnicianJobRequest.newBuilder().setJobId(jobId)
          .setOutcome(outcome.done ? RunbookStepOutcome.STEP_DONE : RunbookStepOutcome.STEP_SKIPPED).setNote(note)
          .build());
      print(job, json);
      boolean installRuns = job.getInstallAllowed() && job.getPhase() == TechnicianJobPhase.JOB_INSTALLING;
      return follow && installRuns && !json ? TechLog.print(context, jobId, true) : ExitCodes.OK;
    }
  }

  @Command(name = "log", description = "Prints the install output the endpoint streamed; --follow to watch it live.")
  static final class Log extends CliCommand {
    @Parameters(index = "0", paramLabel = "JOB", description = "The job id.")
    String jobId;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until the install is over.")
    boolean follow;

    Log(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      return TechLog.print(context, jobId, follow);
    }
  }

  @Command(name = "finish", description = "Signs the job off: success, failed or rolled back, with a note.")
  static final class Finish extends JobCommand {
    static final class Verdict {
      @Option(names = "--success", required = true, description = "It works at the desk.")
      boolean success;

      @Option(names = "--failed", required = true, description = "It does not work.")
      boolean failed;

      @Option(names = "--rolled-back", required = true, description = "You restored the previous version by hand.")
      boolean rolledBack;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Verdict verdict;

    @Option(names = "--note", paramLabel = "TEXT", description = "What you found.")
    String note = "";

    Finish(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      boolean json = output.json();
      TechnicianVerdict sent = verdict.success ? TechnicianVerdict.VERDICT_SUCCESS
          : verdict.failed ? TechnicianVerdict.VERDICT_FAILED : TechnicianVerdict.VERDICT_ROLLED_BACK;
      TechnicianJob job = context.admin().finishTechnicianJob(FinishTechnicianJobRequest.newBuilder()
          .setJobId(jobId).setVerdict(sent).setNote(note).build());
      print(job, json);
      if (sent != TechnicianVerdict.VERDICT_SUCCESS && !json) {
        context.out().println(TechJobView.failure(job.getDeploymentState(), job.getExitCode()));
        context.out().print(failureArticles(job));
        if (job.getRollbackCampaignId().isEmpty()) {
          context.err().println("Roll back: convoy tech rollback " + jobId);
        }
      }
      return ExitCodes.OK;
    }

    /**
     * The KB articles whose signed coverage matches this failure (state it failed in, exit code), read from the
     * deployment's status; nothing when none matches or the knowledge base cannot be read (the sign-off is done).
     */
    private String failureArticles(TechnicianJob job) {
      try {
        var status = context.admin().getCampaignStatus(GetCampaignStatusRequest.newBuilder()
            .setCampaignId(job.getCampaignId()).setEndpointId(job.getEndpointId()).build());
        if (status.getDeploymentsCount() == 0) {
          return "";
        }
        return FailureArticles.find(context.admin(), status.getCampaign().getRelease(), status.getDeployments(0))
            .map(KbView::forFailure).orElse("");
      } catch (io.grpc.StatusRuntimeException e) {
        return "";
      }
    }
  }

  @Command(name = "rollback", description = "Asks the endpoint to go back to the version installed before the job.")
  static final class Rollback extends JobCommand {
    @Option(names = "--to-version", paramLabel = "V",
        description = "The version to install instead (default: the one installed before; none: uninstall).")
    String toVersion = "";

    Rollback(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      boolean json = output.json();
      int exit = print(context.admin().rollbackTechnicianJob(RollbackTechnicianJobRequest.newBuilder()
          .setJobId(jobId).setToVersion(toVersion).build()), json);
      if (!json) {
        context.err().println("Follow it: convoy tech show " + jobId);
      }
      return exit;
    }
  }
}
