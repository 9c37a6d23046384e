package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.Deferral;
import dev.convoy.protocol.v1.InstallGate;
import dev.convoy.protocol.v1.Notice;
import dev.convoy.protocol.v1.StatusReport;
import dev.convoy.protocol.v1.TimeWindow;
import dev.convoy.protocol.v1.WaveState;
import dev.convoy.protocol.v1.WaveStatus;
import dev.convoy.server.campaign.CampaignReport;
import dev.convoy.server.campaign.StateChange;
import dev.convoy.server.campaign.WaveProgress;
import dev.convoy.server.window.Interval;
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
        r.getTargets().getEndpointIdsList(), r.getTargets().getExcludeGroupsList(),
        r.getTargets().getExcludeEndpointIdsList());
    Delivery delivery = switch (r.getDelivery()) {
      case DELIVERY_UNSPECIFIED, PUSH -> Delivery.PUSH;
      case PULL -> Delivery.PULL;
      default -> throw ConvoyException.invalidArgument("delivery: " + r.getDeliveryValue() + " (expected: PUSH or PULL)");
    };
    Rollout rollout = switch (r.getRollout()) {
      case ROLLOUT_UNSPECIFIED, BIG_BANG -> Rollout.BIG_BANG;
      case PHASED -> Rollout.PHASED;
      default -> throw ConvoyException.invalidArgument("rollout: " + r.getRolloutValue() + " (expected: BIG_BANG or PHASED)");
    };
    Execution execution = switch (r.getExecution()) {
      case EXECUTION_UNSPECIFIED, AUTOMATIC -> Execution.AUTOMATIC;
      case TECHNICIAN -> Execution.TECHNICIAN;
      default -> throw ConvoyException.invalidArgument(
          "execution: " + r.getExecutionValue() + " (expected: AUTOMATIC or TECHNICIAN)");
    };
    dev.convoy.server.campaign.DeploymentAction action = switch (r.getAction()) {
      case DEPLOYMENT_ACTION_UNSPECIFIED, INSTALL -> dev.convoy.server.campaign.DeploymentAction.INSTALL;
      case UNINSTALL -> dev.convoy.server.campaign.DeploymentAction.UNINSTALL;
      default -> throw ConvoyException.invalidArgument(
          "action: " + r.getActionValue() + " (expected: INSTALL or UNINSTALL)");
    };
    return new NewCampaign(r.getReleaseName(), r.getReleaseVersion(), targets, r.getTitle(), delivery, rollout,
        execution, createdBy, action, r.getAllowDowngrade(), CampaignPlanMapper.plan(r));
  }

  static dev.convoy.protocol.v1.Campaign campaign(Campaign c, Optional<Release> release) {
    var b = dev.convoy.protocol.v1.Campaign.newBuilder()
        .setCampaignId(c.id()).setTitle(c.title())
        .setRelease(release.map(ProtoMapper::releaseSummary).orElseGet(() -> dev.convoy.protocol.v1.Release
            .newBuilder().setName(c.releaseName()).setVersion(c.releaseVersion()).build()))
        .setTargets(dev.convoy.protocol.v1.Targets.newBuilder().setAll(c.targets().all())
            .addAllGroups(c.targets().groups()).addAllEndpointIds(c.targets().endpointIds())
            .addAllExcludeGroups(c.targets().excludeGroups())
            .addAllExcludeEndpointIds(c.targets().excludeEndpointIds()))
        .setState(campaignState(c.state()))
        .setDelivery(dev.convoy.protocol.v1.Delivery.valueOf(c.delivery().name()))
        .setRollout(dev.convoy.protocol.v1.Rollout.valueOf(c.rollout().name()))
        .setExecution(dev.convoy.protocol.v1.Execution.valueOf(c.execution().name()))
        .setCreatedBy(c.createdBy()).setCreatedAt(ProtoMapper.timestamp(c.createdAt()))
        .setAction(DeploymentAction.valueOf(c.action().name())).setAllowDowngrade(c.allowDowngrade())
        .setCurrentWave(c.currentWave()).setStateReason(c.stateReason()).setRollbackOf(c.rollbackOf());
    CampaignPlanMapper.plan(c.plan(), b);
    if (c.waves().isEmpty()) {
      c.plan().effectiveWaves(c.phased()).forEach(w -> b.addWaves(CampaignPlanMapper.wave(w)));
    } else {
      c.waves().forEach(w -> b.addWaves(CampaignPlanMapper.wave(w.spec())));
    }
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
        .setInProgress((int) s.inProgress()).setPendingNotices((int) s.pendingNotices());
    s.counts().forEach((state, count) -> b.putCounts(state.name(), count.intValue()));
    s.waves().forEach(w -> b.addWaves(wave(w)));
    if (s.nextWindowStart() != null) {
      b.setNextWindowStart(ProtoMapper.timestamp(s.nextWindowStart()));
    }
    int logBudget = STATUS_LOG_BUDGET;
    for (CampaignStatus.DeploymentView view : s.deployments()) {
      String log = logBudget > 0 ? Require.tail(view.deployment().logExcerpt(), logExcerpt) : "";
      logBudget -= log.length();
      b.addDeployments(deployment(view, log));
    }
    return b.build();
  }

  static DeploymentStatus deployment(CampaignStatus.DeploymentView view, String log) {
    Deployment d = view.deployment();
    DeploymentStatus.Builder b = DeploymentStatus.newBuilder()
        .setDeploymentId(d.id()).setEndpointId(d.endpointId()).setHostname(view.hostname())
        .setState(deploymentState(d.state())).setAttempt(d.attempt()).setDetail(d.detail())
        .setExitCode(d.exitCode()).setLogExcerpt(log).setUpdatedAt(ProtoMapper.timestamp(d.updatedAt()))
        .setWave(d.wave()).setDeferralCount(d.deferralCount()).setTimedOut(d.timedOut());
    if (d.noticeDeliveredAt() != null) {
      b.setNoticeDeliveredAt(ProtoMapper.timestamp(d.noticeDeliveredAt()));
    }
    if (d.deferredUntil() != null) {
      b.setDeferredUntil(ProtoMapper.timestamp(d.deferredUntil()));
    }
    if (d.nextAttemptAt() != null) {
      b.setNextAttemptAt(ProtoMapper.timestamp(d.nextAttemptAt()));
    }
    if (d.installStartedAt() != null) {
      b.setInstallStartedAt(ProtoMapper.timestamp(d.installStartedAt()));
    }
    for (StateChange c : d.history()) {
      b.addHistory(dev.convoy.protocol.v1.StateChange.newBuilder().setState(deploymentState(c.state()))
          .setAttempt(c.attempt()).setAt(ProtoMapper.timestamp(c.at())).setDetail(c.detail()));
    }
    return b.build();
  }

  static WaveStatus wave(CampaignStatus.WaveView view) {
    WaveProgress w = view.wave();
    WaveStatus.Builder b = WaveStatus.newBuilder().setIndex(w.index()).setName(w.name())
        .setState(WaveState.valueOf("WAVE_" + w.state().name())).setSize(w.size())
        .setSucceeded((int) view.verdict().succeeded()).setFailed((int) view.verdict().failed())
        .setInProgress((int) view.counts().entrySet().stream().filter(e -> !e.getKey().isTerminal())
            .mapToLong(java.util.Map.Entry::getValue).sum())
        .setGate(view.verdict().words());
    view.counts().forEach((state, count) -> {
      if (count != 0) {
        b.putCounts(state.name(), count.intValue());
      }
    });
    if (w.openedAt() != null) {
      b.setOpenedAt(ProtoMapper.timestamp(w.openedAt()));
    }
    if (w.thresholdMetAt() != null) {
      b.setThresholdMetAt(ProtoMapper.timestamp(w.thresholdMetAt()));
    }
    if (w.soakUntil() != null) {
      b.setSoakUntil(ProtoMapper.timestamp(w.soakUntil()));
    }
    return b.build();
  }

  static dev.convoy.protocol.v1.CampaignReport report(CampaignReport r, Optional<Release> release) {
    var b = dev.convoy.protocol.v1.CampaignReport.newBuilder().setCampaign(campaign(r.campaign(), release))
        .setGeneratedAt(ProtoMapper.timestamp(r.generatedAt())).setTotal((int) r.total())
        .setSucceeded((int) r.succeeded()).setFailed((int) r.failed()).setInProgress((int) r.inProgress())
        .setCancelled((int) r.cancelled()).setNoticesDelivered((int) r.noticesDelivered())
        .setDeferred((int) r.deferred()).setRetried((int) r.retried()).setTimedOut((int) r.timedOut());
    r.counts().forEach((state, count) -> b.putCounts(state.name(), count.intValue()));
    r.waves().forEach(w -> b.addWaves(wave(w)));
    if (r.firstInstallAt() != null) {
      b.setFirstInstallAt(ProtoMapper.timestamp(r.firstInstallAt()));
    }
    if (r.lastFinishedAt() != null) {
      b.setLastFinishedAt(ProtoMapper.timestamp(r.lastFinishedAt()));
    }
    r.failures().forEach(v -> b.addFailures(deployment(v, Require.tail(v.deployment().logExcerpt(), 1024))));
    r.unfinished().stream().limit(10_000).forEach(v -> b.addUnfinished(deployment(v, "")));
    return b.build();
  }

  static dev.convoy.protocol.v1.DesiredState desiredState(DesiredState desired) {
    var b = dev.convoy.protocol.v1.DesiredState.newBuilder()
        .setEndpointId(desired.endpointId()).setRevision(desired.revision());
    for (DesiredState.Assignment a : desired.assignments()) {
      Deployment d = a.deployment();
      Campaign c = a.campaign();
      DeploymentSpec.Builder spec = DeploymentSpec.newBuilder()
          .setDeploymentId(d.id()).setCampaignId(d.campaignId()).setCampaignTitle(c.title())
          .setRelease(ProtoMapper.release(a.release())).setAction(DeploymentAction.valueOf(a.action().name()))
          .setAllowDowngrade(a.allowDowngrade())
          .setAttempt(d.attempt()).setServerState(deploymentState(d.state()))
          .setDelivery(dev.convoy.protocol.v1.Delivery.valueOf(c.delivery().name()))
          .setExecution(dev.convoy.protocol.v1.Execution.valueOf(c.execution().name()));
      Notice.Builder notice = Notice.newBuilder().setTitle(a.notice().title()).setMessage(a.notice().message())
          .setLeadTime(CampaignPlanMapper.duration(a.notice().leadTime()));
      if (d.noticeDeliveredAt() != null) {
        notice.setDeliveredAt(ProtoMapper.timestamp(d.noticeDeliveredAt()));
      }
      spec.setNotice(notice).setGate(gate(a.gate())).setDeferral(deferral(c, d));
      b.addDeployments(spec);
    }
    return b.build();
  }

  private static InstallGate gate(dev.convoy.server.campaign.InstallGate.View v) {
    InstallGate.Builder g = InstallGate.newBuilder().setHold(v.hold()).setAnytime(v.anytime())
        .setPrestage(v.prestage()).setUserRequestRequired(v.userRequestRequired())
        .setTechnicianRequired(v.technicianRequired()).setTechnicianPresent(v.technicianPresent());
    if (v.notBefore() != null) {
      g.setNotBefore(ProtoMapper.timestamp(v.notBefore()));
    }
    if (v.deadline() != null) {
      g.setDeadline(ProtoMapper.timestamp(v.deadline()));
    }
    for (Interval i : v.windows()) {
      g.addWindows(TimeWindow.newBuilder().setStart(ProtoMapper.timestamp(i.start()))
          .setEnd(ProtoMapper.timestamp(i.end())));
    }
    return g.build();
  }

  private static Deferral deferral(Campaign c, Deployment d) {
    Deferral.Builder b = Deferral.newBuilder().setMaxCount(c.plan().deferral().maxCount())
        .setMaxTotal(CampaignPlanMapper.duration(c.plan().deferral().maxTotal()))
        .setUsedCount(d.deferralCount()).setUsedTotal(CampaignPlanMapper.duration(d.deferredTotal()));
    if (d.deferredUntil() != null) {
      b.setDeferredUntil(ProtoMapper.timestamp(d.deferredUntil()));
    }
    if (c.plan().deadline() != null) {
      b.setLatest(ProtoMapper.timestamp(c.plan().deadline()));
    }
    return b.build();
  }

  static dev.convoy.protocol.v1.DeploymentState deploymentState(DeploymentState state) {
    return dev.convoy.protocol.v1.DeploymentState.valueOf(state.name());
  }

  static dev.convoy.server.campaign.StatusReport report(StatusReport r) {
    return new dev.convoy.server.campaign.StatusReport(r.getDeploymentId(), r.getAttempt(), r.getSequence(),
        reportedState(r.getState(), r.getStateValue()), r.getDetail(), r.getExitCode(), r.getLogExcerpt(),
        ProtoMapper.instantOrNull(r.getAt()), r.getBytesDownloaded(), r.getResumedFromOffset(),
        r.hasDeferredUntil() ? ProtoMapper.instantOrNull(r.getDeferredUntil()) : null, r.getUserInitiated(),
        r.getRetryable());
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
