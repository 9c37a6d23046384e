package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.StatusReport;
import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.CampaignStatus;
import dev.convoy.server.campaign.Delivery;
import dev.convoy.server.campaign.Deployment;
import dev.convoy.server.campaign.DeploymentState;
import dev.convoy.server.campaign.DesiredState;
import dev.convoy.server.campaign.Execution;
import dev.convoy.server.campaign.NewCampaign;
import dev.convoy.server.campaign.Rollout;
import dev.convoy.server.campaign.Targets;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import java.util.Optional;

/**
 * Domain ↔ protocol conversions for campaigns and deployments. Enum values map by name; UNSPECIFIED modes mean the
 * default (PUSH, BIG_BANG, AUTOMATIC); an UNSPECIFIED or unknown state is INVALID_ARGUMENT. Stateless.
 */
final class CampaignProtoMapper {
  /** Per-deployment log excerpt in a campaign status, and the budget for all of them in one message. */
  static final int STATUS_LOG_EXCERPT = 4 * 1024;
  static final int STATUS_LOG_BUDGET = 1024 * 1024;

  private CampaignProtoMapper() {}

  static NewCampaign newCampaign(CreateCampaignRequest r, String createdBy) {
    if (!r.hasTargets()) {
      throw ConvoyException.invalidArgument("targets: missing (expected: all, groups or endpoint ids)");
    }
    Targets targets = new Targets(r.getTargets().getAll(), r.getTargets().getGroupsList(),
        r.getTargets().getEndpointIdsList());
    Delivery delivery = switch (r.getDelivery()) {
      case DELIVERY_UNSPECIFIED, PUSH -> Delivery.PUSH;
      case PULL -> Delivery.PULL;
      default -> throw ConvoyException.invalidArgument("delivery: " + r.getDeliveryValue() + " (expected: PUSH)");
    };
    Rollout rollout = switch (r.getRollout()) {
      case ROLLOUT_UNSPECIFIED, BIG_BANG -> Rollout.BIG_BANG;
      case PHASED -> Rollout.PHASED;
      default -> throw ConvoyException.invalidArgument("rollout: " + r.getRolloutValue() + " (expected: BIG_BANG)");
    };
    Execution execution = switch (r.getExecution()) {
      case EXECUTION_UNSPECIFIED, AUTOMATIC -> Execution.AUTOMATIC;
      case TECHNICIAN -> Execution.TECHNICIAN;
      default -> throw ConvoyException.invalidArgument(
          "execution: " + r.getExecutionValue() + " (expected: AUTOMATIC)");
    };
    dev.convoy.server.campaign.DeploymentAction action = switch (r.getAction()) {
      case DEPLOYMENT_ACTION_UNSPECIFIED, INSTALL -> dev.convoy.server.campaign.DeploymentAction.INSTALL;
      case UNINSTALL -> dev.convoy.server.campaign.DeploymentAction.UNINSTALL;
      default -> throw ConvoyException.invalidArgument(
          "action: " + r.getActionValue() + " (expected: INSTALL or UNINSTALL)");
    };
    return new NewCampaign(r.getReleaseName(), r.getReleaseVersion(), targets, r.getTitle(), delivery, rollout,
        execution, createdBy, action, r.getAllowDowngrade());
  }

  static dev.convoy.protocol.v1.Campaign campaign(Campaign c, Optional<Release> release) {
    var b = dev.convoy.protocol.v1.Campaign.newBuilder()
        .setCampaignId(c.id()).setTitle(c.title())
        .setRelease(release.map(ProtoMapper::releaseSummary).orElseGet(() -> dev.convoy.protocol.v1.Release
            .newBuilder().setName(c.releaseName()).setVersion(c.releaseVersion()).build()))
        .setTargets(dev.convoy.protocol.v1.Targets.newBuilder().setAll(c.targets().all())
            .addAllGroups(c.targets().groups()).addAllEndpointIds(c.targets().endpointIds()))
        .setState(campaignState(c.state()))
        .setDelivery(dev.convoy.protocol.v1.Delivery.valueOf(c.delivery().name()))
        .setRollout(dev.convoy.protocol.v1.Rollout.valueOf(c.rollout().name()))
        .setExecution(dev.convoy.protocol.v1.Execution.valueOf(c.execution().name()))
        .setCreatedBy(c.createdBy()).setCreatedAt(ProtoMapper.timestamp(c.createdAt()))
        .setAction(DeploymentAction.valueOf(c.action().name())).setAllowDowngrade(c.allowDowngrade());
    if (c.startedAt() != null) {
      b.setStartedAt(ProtoMapper.timestamp(c.startedAt()));
    }
    if (c.finishedAt() != null) {
      b.setFinishedAt(ProtoMapper.timestamp(c.finishedAt()));
    }
    return b.build();
  }

  static CampaignState campaignState(dev.convoy.server.campaign.CampaignState state) {
    return state == dev.convoy.server.campaign.CampaignState.CANCELLED
        ? CampaignState.CANCELLED_CAMPAIGN : CampaignState.valueOf(state.name());
  }

  /** A whole campaign's status: each log excerpt cut to its last {@link #STATUS_LOG_EXCERPT} characters. */
  static dev.convoy.protocol.v1.CampaignStatus status(CampaignStatus s, Optional<Release> release) {
    return status(s, release, STATUS_LOG_EXCERPT);
  }

  /**
   * A status whose deployments carry up to {@code logExcerpt} characters of their log (one endpoint's status carries
   * the whole stored excerpt, at most 64 KiB).
   */
  static dev.convoy.protocol.v1.CampaignStatus status(CampaignStatus s, Optional<Release> release, int logExcerpt) {
    var b = dev.convoy.protocol.v1.CampaignStatus.newBuilder()
        .setCampaign(campaign(s.campaign(), release))
        .setTotal((int) s.total()).setSucceeded((int) s.succeeded()).setFailed((int) s.failed())
        .setInProgress((int) s.inProgress());
    s.counts().forEach((state, count) -> b.putCounts(state.name(), count.intValue()));
    int logBudget = STATUS_LOG_BUDGET;
    for (CampaignStatus.DeploymentView view : s.deployments()) {
      Deployment d = view.deployment();
      String log = logBudget > 0 ? Require.tail(d.logExcerpt(), logExcerpt) : "";
      logBudget -= log.length();
      b.addDeployments(DeploymentStatus.newBuilder()
          .setDeploymentId(d.id()).setEndpointId(d.endpointId()).setHostname(view.hostname())
          .setState(deploymentState(d.state())).setAttempt(d.attempt()).setDetail(d.detail())
          .setExitCode(d.exitCode()).setLogExcerpt(log).setUpdatedAt(ProtoMapper.timestamp(d.updatedAt())));
    }
    return b.build();
  }

  static dev.convoy.protocol.v1.DesiredState desiredState(DesiredState desired) {
    var b = dev.convoy.protocol.v1.DesiredState.newBuilder()
        .setEndpointId(desired.endpointId()).setRevision(desired.revision());
    for (DesiredState.Assignment a : desired.assignments()) {
      b.addDeployments(DeploymentSpec.newBuilder()
          .setDeploymentId(a.deployment().id()).setCampaignId(a.deployment().campaignId())
          .setRelease(ProtoMapper.release(a.release())).setAction(DeploymentAction.valueOf(a.action().name()))
          .setAllowDowngrade(a.allowDowngrade())
          .setAttempt(a.deployment().attempt()).setServerState(deploymentState(a.deployment().state())));
    }
    return b.build();
  }

  static dev.convoy.protocol.v1.DeploymentState deploymentState(DeploymentState state) {
    return dev.convoy.protocol.v1.DeploymentState.valueOf(state.name());
  }

  static dev.convoy.server.campaign.StatusReport report(StatusReport r) {
    return new dev.convoy.server.campaign.StatusReport(r.getDeploymentId(), r.getAttempt(), r.getSequence(),
        reportedState(r.getState(), r.getStateValue()), r.getDetail(), r.getExitCode(), r.getLogExcerpt(),
        ProtoMapper.instantOrNull(r.getAt()), r.getBytesDownloaded(), r.getResumedFromOffset());
  }

  private static DeploymentState reportedState(dev.convoy.protocol.v1.DeploymentState state, int value) {
    if (state == dev.convoy.protocol.v1.DeploymentState.UNRECOGNIZED
        || state == dev.convoy.protocol.v1.DeploymentState.DEPLOYMENT_STATE_UNSPECIFIED) {
      throw ConvoyException.invalidArgument("state: " + (state == dev.convoy.protocol.v1.DeploymentState.UNRECOGNIZED
          ? String.valueOf(value) : state.name()) + " (expected: a state the agent reports, from OFFERED on)");
    }
    return DeploymentState.valueOf(state.name());
  }
}
