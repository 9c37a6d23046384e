package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.StatusAck;
import dev.convoy.protocol.v1.StatusReport;
import dev.convoy.server.campaign.DeploymentService;
import dev.convoy.server.campaign.ReportResult;

/**
 * Applies an agent's status report, whichever way it came: the unary {@code ReportStatus} or the {@code Session}
 * stream ({@link SessionReports}). Both get the same validation ({@link CampaignProtoMapper#report}), ownership
 * check, state machine, idempotency and group commit ({@link DeploymentService#report}): the answer exists only
 * once the change is durable.
 *
 * <p>Stateless and thread-safe; {@link #apply} blocks until the synced batch is written.
 */
final class StatusReports {
  private final DeploymentService deployments;

  StatusReports(DeploymentService deployments) {
    this.deployments = deployments;
  }

  /**
   * Applies {@code request} for {@code caller}, the authenticated endpoint the request was checked to name.
   *
   * @throws dev.convoy.server.error.ConvoyException as {@link DeploymentService#report} and for a malformed report
   *     (INVALID_ARGUMENT naming the field)
   */
  StatusAck apply(String caller, StatusReport request) {
    ReportResult result = deployments.report(caller, CampaignProtoMapper.report(request));
    return StatusAck.newBuilder().setApplied(result.applied())
        .setCurrentState(CampaignProtoMapper.deploymentState(result.state()))
        .setCurrentSequence(result.sequence()).build();
  }
}
