package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.RunbookStep;
import dev.convoy.protocol.v1.RunbookStepOutcome;
import dev.convoy.protocol.v1.TechnicianJobPhase;
import dev.convoy.protocol.v1.TechnicianVerdict;
import dev.convoy.protocol.v1.TechnicianVisit;
import dev.convoy.server.technician.JobView;
import dev.convoy.server.technician.TechnicianJob;
import dev.convoy.server.technician.TechnicianService;

/** Technician jobs between domain and wire (technician.proto). Stateless. */
final class TechnicianProtoMapper {
  private TechnicianProtoMapper() {}

  static dev.convoy.protocol.v1.TechnicianJob job(JobView v) {
    TechnicianJob j = v.job();
    var d = v.deployment();
    var b = dev.convoy.protocol.v1.TechnicianJob.newBuilder().setJobId(j.deploymentId())
        .setCampaignId(d.campaignId()).setCampaignTitle(v.campaign().title()).setEndpointId(d.endpointId())
        .setHostname(v.hostname()).addAllUsers(v.users()).setGroup(v.group()).setReleaseName(d.releaseName())
        .setReleaseVersion(d.releaseVersion()).setDeploymentState(CampaignProtoMapper.deploymentState(d.state()))
        .setWaitingSince(ProtoMapper.timestamp(v.waitingSince()))
        .setPhase(TechnicianJobPhase.valueOf("JOB_" + v.phase().name())).setPresentBy(j.presentBy())
        .setCurrentStep(j.currentStep() + 1).setInstallAllowed(j.installAllowedAt() != null)
        .setExitCode(d.exitCode()).setDetail(d.detail()).setPreviousVersion(j.previousVersion())
        .setRollbackCampaignId(j.rollbackCampaignId()).setMessage(v.message());
    if (j.claim() != null) {
      b.setClaimedBy(j.claim().technician()).setClaimedAt(ProtoMapper.timestamp(j.claim().claimedAt()))
          .setCodeExpiresAt(ProtoMapper.timestamp(j.claim().codeExpiresAt()))
          .setCodeAttemptsLeft(j.claim().attemptsLeft());
    }
    if (j.presentAt() != null) {
      b.setPresentAt(ProtoMapper.timestamp(j.presentAt()));
    }
    for (int i = 0; i < j.steps().size(); i++) {
      b.addSteps(step(i, j.steps().get(i), i == j.installStep()));
    }
    if (j.signOff() != null) {
      b.setVerdict(TechnicianVerdict.valueOf("VERDICT_" + j.signOff().verdict().name()))
          .setSignedOffBy(j.signOff().by()).setSignedOffAt(ProtoMapper.timestamp(j.signOff().at()))
          .setSignOffNote(j.signOff().note()).setAgentState(j.signOff().agentState());
    } else if (d.state().isTerminal()) {
      b.setAgentState(d.state().name());
    }
    if (v.rollbackState() != null) {
      b.setRollbackState(CampaignProtoMapper.deploymentState(v.rollbackState()));
    }
    return b.build();
  }

  private static RunbookStep step(int index, TechnicianJob.WalkedStep s, boolean install) {
    var b = RunbookStep.newBuilder().setNumber(index + 1).setTitle(s.title()).setBody(s.body()).setInstall(install)
        .setOutcome(RunbookStepOutcome.valueOf("STEP_" + s.outcome().name())).setNote(s.note()).setBy(s.by());
    if (s.at() != null) {
      b.setAt(ProtoMapper.timestamp(s.at()));
    }
    return b.build();
  }

  static TechnicianVisit visit(TechnicianService.Visit v) {
    return TechnicianVisit.newBuilder().setTechnician(v.technician()).setCode(v.code()).setCodeId(v.codeId())
        .setExpiresAt(ProtoMapper.timestamp(v.expiresAt())).setClaimedAt(ProtoMapper.timestamp(v.claimedAt()))
        .build();
  }

  static TechnicianJob.StepOutcome outcome(RunbookStepOutcome outcome) {
    return switch (outcome) {
      case STEP_DONE -> TechnicianJob.StepOutcome.DONE;
      case STEP_SKIPPED -> TechnicianJob.StepOutcome.SKIPPED;
      default -> throw dev.convoy.server.error.ConvoyException.invalidArgument("outcome: " + outcome
          + " (expected: STEP_DONE or STEP_SKIPPED)");
    };
  }

  static TechnicianJob.Verdict verdict(TechnicianVerdict verdict) {
    return switch (verdict) {
      case VERDICT_SUCCESS -> TechnicianJob.Verdict.SUCCESS;
      case VERDICT_FAILED -> TechnicianJob.Verdict.FAILED;
      case VERDICT_ROLLED_BACK -> TechnicianJob.Verdict.ROLLED_BACK;
      default -> throw dev.convoy.server.error.ConvoyException.invalidArgument("verdict: " + verdict
          + " (expected: VERDICT_SUCCESS, VERDICT_FAILED or VERDICT_ROLLED_BACK)");
    };
  }
}
