package dev.convoy.server.technician;

import dev.convoy.server.campaign.CampaignCommands;
import dev.convoy.server.campaign.Deployment;
import dev.convoy.server.campaign.DeploymentService;
import dev.convoy.server.campaign.DeploymentState;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.Storage;
import dev.convoy.server.technician.TechnicianJob.StepOutcome;
import dev.convoy.server.technician.TechnicianJob.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technician at the desk: proving presence with the code, walking the runbook (the install runs when the walk
 * reaches its install step), signing the result off and rolling the endpoint back (docs/technician.md). Each command
 * needs the caller's own claim; each answers the job after its change is durable and audited.
 *
 * <p>Thread-safe: one job's changes are serialised by {@link TechnicianService}'s lock per job.
 */
public final class TechnicianWork {
  private static final Logger logger = LoggerFactory.getLogger(TechnicianWork.class);
  public static final int MAX_NOTE = 2_000;

  private final TechnicianService service;
  private final TechnicianJobs jobs;
  private final DeploymentService deployments;
  private final CampaignCommands commands;
  private final RunbookSource runbooks;
  private final JobSites sites;
  private final Storage storage;
  private final Clock clock;

  public TechnicianWork(TechnicianService service, TechnicianJobs jobs, DeploymentService deployments,
      CampaignCommands commands, RunbookSource runbooks, JobSites sites, Storage storage, Clock clock) {
    this.service = service;
    this.jobs = jobs;
    this.deployments = deployments;
    this.commands = commands;
    this.runbooks = runbooks;
    this.sites = sites;
    this.storage = storage;
    this.clock = clock;
  }

  /**
   * Checks the presence code (constant-time): right → presence is recorded and the runbook walk begins (a release
   * without a runbook, or whose first step is the install, lets the install run at once).
   *
   * @throws ConvoyException PERMISSION_DENIED for a wrong code (with the attempts left) or another's claim;
   *     FAILED_PRECONDITION for an expired or burned code, a job not claimed or already started
   */
  public JobView start(Technician caller, String jobId, String code) {
    return service.locked(jobId, () -> {
      JobView view = jobs.require(caller, jobId);
      TechnicianJob job = view.job();
      TechnicianService.requireHolder(caller, job, jobId);
      TechnicianJob.Claim claim = job.claim();
      if (job.present()) {
        throw ConvoyException.failedPrecondition("job " + jobId + " was started at " + job.presentAt()
            + " (next: convoy tech step " + jobId + ")");
      }
      Instant now = clock.instant();
      if (claim.attemptsLeft() <= 0) {
        throw ConvoyException.failedPrecondition("code: burned after " + "too many wrong attempts; claim again for a"
            + " new code (convoy tech claim " + jobId + ")");
      }
      if (!now.isBefore(claim.codeExpiresAt())) {
        service.forgetCode(claim.codeId());
        throw ConvoyException.failedPrecondition("code: expired at " + claim.codeExpiresAt()
            + "; claim again for a new code (convoy tech claim " + jobId + ")");
      }
      if (!PresenceCodes.matches(code, claim.codeHash(), claim.codeId(), jobId, caller.name())) {
        return refuse(caller, job, claim, view);
      }
      service.forgetCode(claim.codeId());
      Runbook runbook = runbooks.runbook(view.deployment().releaseName(),
          view.deployment().releaseVersion()).map(RunbookParser::parse).orElse(Runbook.NONE);
      String installed = sites.installedVersion(view.deployment().endpointId(), view.deployment().releaseName());
      String previous = installed.equals(view.deployment().releaseVersion()) ? "" : installed;
      TechnicianJob started = job.started(caller.name(), now, runbook, previous);
      Map<String, String> details = TechnicianService.details("endpoint", view.deployment().endpointId(),
          "steps", String.valueOf(runbook.steps().size()));
      logger.info("technician present job={} endpoint={} technician={} steps={}", jobId,
          view.deployment().endpointId(), caller.name(), runbook.steps().size());
      if (started.walkReachedInstall()) {
        TechnicianJob allowed = allowInstall(started, caller, "technician.start", details);
        return jobs.refresh(allowed, "presence confirmed at " + TechnicianService.where(view) + "; "
            + (runbook.empty() ? "the release has no runbook: the install may run now"
                : "step 1 '" + runbook.steps().get(0).title() + "' is the install step: the install may run now")
            + " (follow it: convoy tech log " + jobId + " --follow)");
      }
      deployments.agentMustSee(jobId, changes -> service.stage(changes, started, caller, "technician.start",
          details));
      return jobs.refresh(started, "presence confirmed at " + TechnicianService.where(view) + "; runbook of "
          + runbook.steps().size() + " steps. Next: " + stepText(started, started.currentStep()));
    });
  }

  private JobView refuse(Technician caller, TechnicianJob job, TechnicianJob.Claim claim, JobView view) {
    int left = claim.attemptsLeft() - 1;
    TechnicianJob next = job.withClaim(claim.withAttemptsLeft(left), clock.instant());
    service.commit(next, caller, "technician.code-refused", TechnicianService.details("attempts_left",
        String.valueOf(left)), storage);
    if (left <= 0) {
      service.forgetCode(claim.codeId());
    }
    logger.warn("presence code refused job={} endpoint={} technician={} attemptsLeft={}", job.deploymentId(),
        view.deployment().endpointId(), caller.name(), left);
    throw ConvoyException.permissionDenied("code: wrong for job " + job.deploymentId() + " and technician "
        + caller.name() + (left > 0 ? " (" + left + " attempt" + (left == 1 ? "" : "s") + " left)"
            : "; no attempts left: the code is burned, claim again for a new code"));
  }

  /**
   * Walks the current runbook step (done or skipped, with a note); when the walk reaches the install step, the
   * install may run. The install step itself cannot be skipped, nor marked done before the agent reported the
   * install's final state.
   *
   * @throws ConvoyException FAILED_PRECONDITION if not started, nothing left to walk, or the install step is not
   *     over; PERMISSION_DENIED for another's claim
   */
  public JobView step(Technician caller, String jobId, StepOutcome outcome, String note) {
    String checkedNote = Require.optionalText("note", note, MAX_NOTE);
    if (outcome != StepOutcome.DONE && outcome != StepOutcome.SKIPPED) {
      throw ConvoyException.invalidArgument("outcome: " + outcome + " (expected: DONE or SKIPPED)");
    }
    return service.locked(jobId, () -> {
      JobView view = requireStarted(caller, jobId);
      TechnicianJob job = view.job();
      int current = job.currentStep();
      if (current < 0) {
        throw ConvoyException.failedPrecondition("job " + jobId + ": every runbook step was walked (next: convoy tech"
            + " finish " + jobId + " --success|--failed|--rolled-back)");
      }
      if (current == job.installStep()) {
        requireInstallOver(view, outcome);
      }
      TechnicianJob walked = job.walked(current, outcome, checkedNote, caller.name(), clock.instant());
      Map<String, String> details = TechnicianService.details("step", String.valueOf(current + 1),
          "title", job.steps().get(current).title(), "outcome", outcome.name(), "note", checkedNote);
      String done = "step " + (current + 1) + " " + outcome.name().toLowerCase(java.util.Locale.ROOT) + ". ";
      if (job.installAllowedAt() == null && walked.walkReachedInstall()) {
        TechnicianJob allowed = allowInstall(walked, caller, "technician.step", details);
        return jobs.refresh(allowed, done + (allowed.currentStep() < 0 ? "Runbook walked" : "Next: "
            + stepText(allowed, allowed.currentStep())) + " — the install may run now (follow it: convoy tech log "
            + jobId + " --follow)");
      }
      service.commit(walked, caller, "technician.step", details, storage);
      return jobs.refresh(walked, done + (walked.currentStep() < 0 ? "Runbook walked. Next: convoy tech finish "
          + jobId + " --success|--failed|--rolled-back" : "Next: " + stepText(walked, walked.currentStep())));
    });
  }

  private static void requireInstallOver(JobView view, StepOutcome outcome) {
    if (outcome == StepOutcome.SKIPPED) {
      throw ConvoyException.failedPrecondition("step " + (view.job().installStep() + 1) + " is the install step: it"
          + " cannot be skipped (to give up, finish with --failed)");
    }
    if (!view.deployment().state().isTerminal()) {
      throw ConvoyException.failedPrecondition("step " + (view.job().installStep() + 1) + " is the install step and"
          + " the install is not over (deployment " + view.deployment().state() + "); watch it: convoy tech log "
          + view.job().deploymentId() + " --follow");
    }
  }

  private TechnicianJob allowInstall(TechnicianJob job, Technician caller, String action, Map<String, String> details) {
    TechnicianJob allowed = job.installAllowed(clock.instant());
    details.put("install_allowed", "true");
    deployments.technicianPresent(job.deploymentId(), changes -> service.stage(changes, allowed, caller, action,
        details));
    logger.info("technician install allowed job={} technician={}", job.deploymentId(), caller.name());
    return allowed;
  }

  /**
   * Signs the job off: who, when, the verdict and a note, with the steps walked. The verdict combines with the
   * agent's final state: a success the technician judges failed becomes FAILED "technician NAME: note", a failed
   * or succeeded install restored by hand becomes ROLLED_BACK; a failure cannot be signed off as a success.
   *
   * @throws ConvoyException FAILED_PRECONDITION before the agent reported a final state, after a sign-off, or for
   *     --success over a failed install; PERMISSION_DENIED for another's claim
   */
  public JobView finish(Technician caller, String jobId, Verdict verdict, String note) {
    String checkedNote = Require.optionalText("note", note, MAX_NOTE);
    return service.locked(jobId, () -> {
      JobView view = requireStarted(caller, jobId);
      Deployment d = view.deployment();
      if (!d.state().isTerminal()) {
        throw ConvoyException.failedPrecondition("job " + jobId + ": the agent has not reported a final state yet"
            + " (deployment " + d.state() + "); wait for it: convoy tech log " + jobId + " --follow");
      }
      boolean agentOk = d.state().isSuccess();
      if (verdict == Verdict.SUCCESS && !agentOk) {
        throw ConvoyException.failedPrecondition("verdict: success, but the agent reported " + d.state()
            + (d.exitCode() != 0 ? " (exit code " + d.exitCode() + ")" : "") + ": " + Require.head(d.detail(), 200)
            + " (expected: --failed or --rolled-back)");
      }
      TechnicianJob.SignOff signOff = new TechnicianJob.SignOff(verdict, caller.name(), clock.instant(), checkedNote,
          d.state().name(), d.exitCode());
      TechnicianJob signed = view.job().signedOff(signOff);
      Map<String, String> details = TechnicianService.details("verdict", verdict.name(), "agent_state",
          d.state().name(), "exit_code", String.valueOf(d.exitCode()), "note", checkedNote,
          "steps_walked", String.valueOf(signed.steps().stream().filter(s -> s.outcome() != StepOutcome.PENDING)
              .count()) + "/" + signed.steps().size());
      DeploymentState override = override(verdict, d.state());
      if (override != null) {
        String reason = "technician " + caller.name() + (verdict == Verdict.ROLLED_BACK ? " rolled it back" : "")
            + ": " + (checkedNote.isBlank() ? "signed off as " + verdict.name().toLowerCase(java.util.Locale.ROOT)
                : checkedNote);
        deployments.technicianVerdict(jobId, override, reason, changes -> service.stage(changes, signed, caller,
            "technician.sign-off", details));
      } else {
        service.commit(signed, caller, "technician.sign-off", details, storage);
      }
      logger.info("technician sign-off job={} technician={} verdict={} agentState={}", jobId, caller.name(), verdict,
          d.state());
      return jobs.refresh(signed, "signed off as " + verdict.name().toLowerCase(java.util.Locale.ROOT) + " by "
          + caller.name());
    });
  }

  /** The state the verdict moves the deployment to, or null when the agent's state stands. */
  static DeploymentState override(Verdict verdict, DeploymentState agent) {
    return switch (verdict) {
      case SUCCESS -> null;
      case FAILED -> agent.isSuccess() ? DeploymentState.FAILED : null;
      case ROLLED_BACK -> agent == DeploymentState.ROLLED_BACK ? null : DeploymentState.ROLLED_BACK;
    };
  }

  /**
   * Asks the endpoint's agent to go back to the version installed before the job (or {@code toVersion}; without
   * either, to uninstall the release): a rollback campaign for that endpoint alone, started at once. It is an
   * explicit downgrade only when the endpoint reports a newer version installed ({@link RollbackTarget}); after a
   * failed install that left the previous version in place it reinstalls that version.
   *
   * Allowed before and after the sign-off.
   *
   * @throws ConvoyException FAILED_PRECONDITION before the agent reported a final state or after a rollback was
   *     started; PERMISSION_DENIED for another's claim
   */
  public JobView rollback(Technician caller, String jobId, String toVersion) {
    return service.locked(jobId, () -> {
      JobView view = jobs.require(caller, jobId);
      TechnicianJob job = view.job();
      TechnicianService.requireHolder(caller, job, jobId);
      if (!job.present()) {
        throw ConvoyException.failedPrecondition("job " + jobId + " is not started (expected: convoy tech start "
            + jobId + " --code CODE first)");
      }
      if (!job.rollbackCampaignId().isEmpty()) {
        throw ConvoyException.failedPrecondition("job " + jobId + ": rollback campaign " + job.rollbackCampaignId()
            + " was started already (state " + view.rollbackState() + ")");
      }
      String target = toVersion == null || toVersion.isBlank() ? job.previousVersion() : toVersion.strip();
      if (target.equals(view.deployment().releaseVersion())) {
        throw ConvoyException.failedPrecondition("to_version: " + target + " is the version this job installs");
      }
      String installedNow = sites.installedVersion(view.deployment().endpointId(), view.deployment().releaseName());
      boolean downgrade = RollbackTarget.isDowngrade(target, installedNow);
      var campaign = commands.rollbackDeployment(jobId, target, downgrade, caller.subject());
      TechnicianJob next = job.rolledBackBy(campaign.id(), clock.instant());
      service.commit(next, caller, "technician.rollback", TechnicianService.details("rollback_campaign",
          campaign.id(), "to_version", target.isEmpty() ? "(uninstall)" : target, "downgrade",
          String.valueOf(downgrade)), storage);
      return jobs.refresh(next, "rollback campaign " + campaign.id() + " started: "
          + (target.isEmpty() ? "uninstalls " + view.deployment().releaseName() : "installs "
              + view.deployment().releaseName() + " " + target + (downgrade ? " as a signed downgrade"
                  : " again (the endpoint reports " + (installedNow.isEmpty() ? "none" : installedNow)
                      + " installed)"))
          + " on " + TechnicianService.where(view));
    });
  }

  private JobView requireStarted(Technician caller, String jobId) {
    JobView view = jobs.require(caller, jobId);
    TechnicianService.requireHolder(caller, view.job(), jobId);
    if (!view.job().present()) {
      throw ConvoyException.failedPrecondition("job " + jobId + " is not started (expected: convoy tech start "
          + jobId + " --code CODE first)");
    }
    if (view.job().signOff() != null) {
      throw ConvoyException.failedPrecondition("job " + jobId + " was signed off by " + view.job().signOff().by()
          + " at " + view.job().signOff().at());
    }
    return view;
  }

  static String stepText(TechnicianJob job, int index) {
    return "step " + (index + 1) + "/" + job.steps().size() + " '" + job.steps().get(index).title() + "'"
        + (index == job.installStep() ? " [install]" : "");
  }
}
