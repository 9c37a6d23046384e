package dev.convoy.server.technician;

import dev.convoy.server.campaign.Deployment;

/** Where a technician job is, derived from its record and its deployment (technician.proto TechnicianJobPhase). */
public enum JobPhase {
  WAITING, CLAIMED, STARTED, INSTALLING, AWAITING_SIGN_OFF, FINISHED;

  static JobPhase of(TechnicianJob job, Deployment deployment) {
    if (job.signOff() != null) {
      return FINISHED;
    }
    if (deployment.state().isTerminal() && job.present()) {
      return AWAITING_SIGN_OFF;
    }
    if (job.installAllowedAt() != null) {
      return INSTALLING;
    }
    if (job.present()) {
      return STARTED;
    }
    return job.claim() != null ? CLAIMED : WAITING;
  }
}
