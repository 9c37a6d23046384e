package dev.convoy.cli.tech;

import dev.convoy.cli.output.Table;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.RunbookStep;
import dev.convoy.protocol.v1.TechnicianJob;
import dev.convoy.protocol.v1.TechnicianVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** How technician jobs print: the queue table and one job's full record. Stateless. */
final class TechJobView {
  private TechJobView() {}

  static String queue(List<TechnicianJob> jobs, Instant now) {
    if (jobs.isEmpty()) {
      return "no technician jobs\n";
    }
    Table table = new Table("JOB", "ENDPOINT", "HOST", "USER", "RELEASE", "CAMPAIGN", "STATE", "WAITING SINCE",
        "CLAIMED BY");
    for (TechnicianJob j : jobs) {
      table.row(j.getJobId(), j.getEndpointId(), j.getHostname(), String.join(",", j.getUsersList()),
          j.getReleaseName() + "@" + j.getReleaseVersion(), j.getCampaignId(), phase(j),
          Times.relative(Times.instant(j.getWaitingSince()), now), j.getClaimedBy());
    }
    return table.render();
  }

  /** The job's phase in words, with the rollback's state when one runs. */
  static String phase(TechnicianJob j) {
    String phase = j.getPhase().name().replace("JOB_", "").toLowerCase(Locale.ROOT).replace('_', ' ');
    if (!j.getRollbackCampaignId().isEmpty()) {
      phase += ", rollback " + j.getRollbackState().name();
    }
    return phase;
  }

  static String show(TechnicianJob j) {
    Table t = Table.withoutHeader(2);
    t.row("job", j.getJobId());
    t.row("phase", phase(j));
    t.row("endpoint", j.getEndpointId() + (j.getHostname().isEmpty() ? "" : " (" + j.getHostname() + ")")
        + (j.getGroup().isEmpty() ? "" : ", group " + j.getGroup()));
    if (j.getUsersCount() > 0) {
      t.row("users", String.join(", ", j.getUsersList()));
    }
    t.row("release", j.getReleaseName() + " " + j.getReleaseVersion()
        + (j.getPreviousVersion().isEmpty() ? "" : " (previously " + j.getPreviousVersion() + ")"));
    t.row("campaign", j.getCampaignId() + (j.getCampaignTitle().isEmpty() ? "" : " (" + j.getCampaignTitle() + ")"));
    t.row("deployment", j.getDeploymentState().name() + (j.getExitCode() != 0 ? ", exit code " + j.getExitCode() : "")
        + (j.getDetail().isEmpty() ? "" : ": " + j.getDetail()));
    t.row("waiting since", Times.iso(j.getWaitingSince()));
    if (!j.getClaimedBy().isEmpty()) {
      t.row("claimed", "by " + j.getClaimedBy() + " at " + Times.iso(j.getClaimedAt()));
      if (j.getPresentBy().isEmpty()) {
        t.row("code", "expires " + Times.iso(j.getCodeExpiresAt()) + ", " + j.getCodeAttemptsLeft() + " attempts left");
      }
    }
    if (!j.getPresentBy().isEmpty()) {
      t.row("present", j.getPresentBy() + " at " + Times.iso(j.getPresentAt()));
    }
    t.row("install", j.getInstallAllowed() ? "allowed" : "waiting for the runbook walk");
    if (j.getVerdict() != TechnicianVerdict.TECHNICIAN_VERDICT_UNSPECIFIED) {
      t.row("sign-off", verdict(j.getVerdict()) + " by " + j.getSignedOffBy() + " at " + Times.iso(j.getSignedOffAt())
          + " (agent: " + j.getAgentState() + ")");
      if (!j.getSignOffNote().isEmpty()) {
        t.row("note", j.getSignOffNote());
      }
    }
    if (!j.getRollbackCampaignId().isEmpty()) {
      t.row("rollback", j.getRollbackCampaignId() + ": " + j.getRollbackState().name());
    }
    StringBuilder text = new StringBuilder(t.render());
    if (j.getStepsCount() > 0) {
      text.append("runbook:\n").append(steps(j));
    }
    return text.toString();
  }

  static String steps(TechnicianJob j) {
    Table steps = new Table("#", "STEP", "OUTCOME", "BY", "NOTE");
    for (RunbookStep s : j.getStepsList()) {
      String outcome = s.getOutcome().name().replace("STEP_", "").toLowerCase(Locale.ROOT);
      steps.row((s.getNumber() == j.getCurrentStep() ? "> " : "  ") + s.getNumber(),
          s.getTitle() + (s.getInstall() ? " [install]" : ""), outcome, s.getBy(), s.getNote());
    }
    return steps.render("  ");
  }

  static String verdict(TechnicianVerdict verdict) {
    return verdict.name().replace("VERDICT_", "").toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The failure line scripts and people look for: the state and exit code (KB articles match on both). */
  static String failure(DeploymentState state, int exitCode) {
    return "failure: state " + state.name() + ", exit code " + exitCode;
  }

  /** The current step with its text, for the step-by-step walk. */
  static String current(TechnicianJob j) {
    if (j.getCurrentStep() <= 0 || j.getCurrentStep() > j.getStepsCount()) {
      return "";
    }
    RunbookStep s = j.getSteps(j.getCurrentStep() - 1);
    return "step " + s.getNumber() + "/" + j.getStepsCount() + ": " + s.getTitle() + (s.getInstall() ? " [install]" : "")
        + "\n" + (s.getBody().isEmpty() ? "" : "  " + s.getBody().replace("\n", "\n  ") + "\n");
  }
}
