package dev.convoy.cli.testing;

import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignCommandRequest;
import dev.convoy.protocol.v1.CampaignReport;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.RollbackWaveRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The campaign control part of {@link FakeAdminService}: pause, resume, abort, cancel, advance, rollback and the
 * report, with the state rules of admin.proto (a command that does not apply is FAILED_PRECONDITION naming the
 * state). Every request is recorded. Thread-safe.
 */
public final class FakeCampaignControl {
  /** A control command as the server received it: {@code kind} is pause, resume, abort, cancel or advance. */
  public record Command(String kind, CampaignCommandRequest request) {}

  public final List<Command> commands = new CopyOnWriteArrayList<>();
  public final List<RollbackWaveRequest> rollbacks = new CopyOnWriteArrayList<>();
  /** What GetCampaignReport answers; by default a report built from the last scripted status. */
  public volatile Function<Campaign, CampaignReport> reportScript;

  private final Map<String, Campaign> campaigns;
  private final Supplier<String> ids;
  private final Function<Campaign, CampaignStatus> lastStatus;

  FakeCampaignControl(Map<String, Campaign> campaigns, Supplier<String> ids,
      Function<Campaign, CampaignStatus> lastStatus) {
    this.campaigns = campaigns;
    this.ids = ids;
    this.lastStatus = lastStatus;
  }

  Campaign command(String kind, CampaignCommandRequest request) {
    Campaign campaign = find(request.getCampaignId());
    commands.add(new Command(kind, request));
    Set<CampaignState> from = switch (kind) {
      case "pause" -> EnumSet.of(CampaignState.RUNNING);
      case "resume" -> EnumSet.of(CampaignState.PAUSED);
      case "abort" -> EnumSet.of(CampaignState.RUNNING, CampaignState.PAUSED);
      case "cancel" -> EnumSet.of(CampaignState.DRAFT, CampaignState.SCHEDULED, CampaignState.RUNNING,
          CampaignState.PAUSED);
      default -> EnumSet.of(CampaignState.RUNNING, CampaignState.PAUSED);
    };
    if (!from.contains(campaign.getState())) {
      throw Status.FAILED_PRECONDITION.withDescription("campaign " + campaign.getCampaignId() + " is "
          + campaign.getState() + " (" + kind + " applies to " + from + ")").asRuntimeException();
    }
    Campaign.Builder changed = campaign.toBuilder().setStateReason(request.getComment());
    switch (kind) {
      case "pause" -> changed.setState(CampaignState.PAUSED);
      case "resume" -> changed.setState(CampaignState.RUNNING);
      case "abort" -> changed.setState(CampaignState.ABORTED);
      case "cancel" -> changed.setState(CampaignState.CANCELLED_CAMPAIGN);
      default -> changed.setCurrentWave(Math.min(campaign.getCurrentWave() + 1, campaign.getWavesCount() - 1));
    }
    campaigns.put(campaign.getCampaignId(), changed.build());
    return changed.build();
  }

  Campaign rollback(RollbackWaveRequest request) {
    Campaign campaign = find(request.getCampaignId());
    if (request.getWave() < 0 || request.getWave() >= Math.max(1, campaign.getWavesCount())) {
      throw Status.INVALID_ARGUMENT.withDescription("wave: " + request.getWave() + " (expected: 0.."
          + (campaign.getWavesCount() - 1) + ")").asRuntimeException();
    }
    rollbacks.add(request);
    boolean downgrade = !request.getToVersion().isEmpty();
    Campaign rollback = Campaign.newBuilder().setCampaignId("c-" + ids.get())
        .setTitle("Rollback of " + campaign.getCampaignId() + " wave " + (request.getWave() + 1))
        .setRelease(downgrade ? campaign.getRelease().toBuilder().setVersion(request.getToVersion()).build()
            : campaign.getRelease())
        .setTargets(campaign.getTargets()).setState(CampaignState.RUNNING)
        .setAction(downgrade ? DeploymentAction.INSTALL : DeploymentAction.UNINSTALL).setAllowDowngrade(downgrade)
        .setRollbackOf(campaign.getCampaignId() + "#" + request.getWave()).build();
    campaigns.put(rollback.getCampaignId(), rollback);
    return rollback;
  }

  CampaignReport report(String campaignId) {
    Campaign campaign = find(campaignId);
    if (reportScript != null) {
      return reportScript.apply(campaign);
    }
    CampaignStatus status = lastStatus.apply(campaign);
    return CampaignReport.newBuilder().setCampaign(status.getCampaign()).setTotal(status.getTotal())
        .setSucceeded(status.getSucceeded()).setFailed(status.getFailed()).setInProgress(status.getInProgress())
        .putAllCounts(status.getCountsMap()).addAllWaves(status.getWavesList()).build();
  }

  private Campaign find(String campaignId) {
    Campaign campaign = campaigns.get(campaignId);
    if (campaign == null) {
      throw notFound(campaignId);
    }
    return campaign;
  }

  static StatusRuntimeException notFound(String campaignId) {
    return Status.NOT_FOUND.withDescription("campaign " + campaignId + " not found").asRuntimeException();
  }
}
