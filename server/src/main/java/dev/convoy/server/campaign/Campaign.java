package dev.convoy.server.campaign;

import dev.convoy.server.campaign.plan.CampaignPlan;
import dev.convoy.server.error.ConvoyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The deployment of one release to a target set: its mode on each of the three axes, its plan (timing, windows,
 * notice, waves and gates) and, once started, where each wave stands. Immutable; changes return a new value that
 * the caller stores. State moves follow {@link CampaignState}'s table only.
 *
 * @param deploymentCount deployments created when it started, plus those added since for endpoints that joined a
 *     dynamic group it targets (0 while DRAFT)
 * @param startedAt null until RUNNING
 * @param finishedAt null until terminal
 * @param action install or uninstall the release
 * @param allowDowngrade the campaign explicitly allows installing below the installed version
 * @param waves empty until started
 * @param stateReason why it is PAUSED / ABORTED / CANCELLED (or "" )
 * @param rollbackOf "CAMPAIGN#WAVE" for a wave rollback, else ""
 */
public record Campaign(String id, String title, String releaseName, String releaseVersion, Targets targets,
    CampaignState state, Delivery delivery, Rollout rollout, Execution execution, String createdBy,
    Instant createdAt, Instant startedAt, Instant finishedAt, int deploymentCount, DeploymentAction action,
    boolean allowDowngrade, CampaignPlan plan, List<WaveProgress> waves, String stateReason, String rollbackOf) {

  public Campaign {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(releaseName, "releaseName");
    Objects.requireNonNull(releaseVersion, "releaseVersion");
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(action, "action");
    plan = Objects.requireNonNullElse(plan, CampaignPlan.immediate());
    waves = List.copyOf(waves);
    stateReason = Objects.requireNonNullElse(stateReason, "");
    rollbackOf = Objects.requireNonNullElse(rollbackOf, "");
  }

  public String releaseRef() {
    return releaseName + "@" + releaseVersion;
  }

  public boolean phased() {
    return rollout == Rollout.PHASED;
  }

  /** The highest wave opened so far (0 before the start). */
  public int currentWave() {
    int current = 0;
    for (WaveProgress wave : waves) {
      if (wave.state().opened()) {
        current = wave.index();
      }
    }
    return current;
  }

  public WaveProgress wave(int index) {
    if (index < 0 || index >= waves.size()) {
      throw ConvoyException.invalidArgument("wave: " + index + " (expected: 0 to " + (waves.size() - 1)
          + " for campaign " + id + ")");
    }
    return waves.get(index);
  }

  /** This campaign moved to {@code next} (checked against the table) for {@code reason}. */
  public Campaign moved(CampaignState next, Instant at, String reason) {
    if (!state.canMoveTo(next)) {
      throw ConvoyException.failedPrecondition("campaign " + id + " is " + state + " (expected: one of "
          + statesLeadingTo(next) + " to become " + next + ")");
    }
    Instant started = next == CampaignState.RUNNING && startedAt == null ? at : startedAt;
    Instant finished = next.isTerminal() ? at : null;
    return new Campaign(id, title, releaseName, releaseVersion, targets, next, delivery, rollout, execution,
        createdBy, createdAt, started, finished, deploymentCount, action, allowDowngrade, plan, waves, reason,
        rollbackOf);
  }

  /** This campaign, in the same state, with {@code reason} (e.g. why a scheduled start waits). */
  public Campaign withStateReason(String reason) {
    return new Campaign(id, title, releaseName, releaseVersion, targets, state, delivery, rollout, execution,
        createdBy, createdAt, startedAt, finishedAt, deploymentCount, action, allowDowngrade, plan, waves, reason,
        rollbackOf);
  }

  /** This not yet started campaign with new targets and plan (an edit; see {@link CampaignUpdates}). */
  public Campaign edited(Targets newTargets, CampaignPlan newPlan) {
    return new Campaign(id, title, releaseName, releaseVersion, newTargets, state, delivery, rollout, execution,
        createdBy, createdAt, startedAt, finishedAt, deploymentCount, action, allowDowngrade, newPlan, waves,
        stateReason, rollbackOf);
  }

  /** This campaign with another plan (e.g. the install gate's view of a notice override). */
  public Campaign withPlan(CampaignPlan newPlan) {
    return edited(targets, newPlan);
  }

  /** This campaign with its waves assigned and {@code deployments} deployments (at start). */
  public Campaign withWaves(List<WaveProgress> assigned, int deployments) {
    return new Campaign(id, title, releaseName, releaseVersion, targets, state, delivery, rollout, execution,
        createdBy, createdAt, startedAt, finishedAt, deployments, action, allowDowngrade, plan, assigned,
        stateReason, rollbackOf);
  }

  /** This campaign with wave {@code index} replaced. */
  public Campaign withWave(WaveProgress wave) {
    List<WaveProgress> next = new ArrayList<>(waves);
    next.set(wave.index(), wave);
    return withWaves(next, deploymentCount);
  }

  /** This RUNNING or PAUSED campaign with one more deployment, in wave {@code index}. */
  public Campaign withDeploymentAdded(int index) {
    if (state != CampaignState.RUNNING && state != CampaignState.PAUSED) {
      throw ConvoyException.failedPrecondition("campaign " + id + " is " + state
          + " (expected: RUNNING or PAUSED to add a deployment)");
    }
    List<WaveProgress> next = new ArrayList<>(waves);
    next.set(index, waves.get(index).grown());
    return withWaves(next, deploymentCount + 1);
  }

  private static String statesLeadingTo(CampaignState next) {
    StringBuilder names = new StringBuilder();
    for (CampaignState s : CampaignState.values()) {
      if (s.canMoveTo(next)) {
        names.append(names.isEmpty() ? "" : ", ").append(s);
      }
    }
    return names.toString();
  }
}
