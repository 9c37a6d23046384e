package dev.convoy.server.campaign;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's progress: deployments per state and per wave (from the incremental counters), the per-endpoint list,
 * the next window and the notices not delivered yet.
 *
 * @param counts non-zero counts only
 * @param nextWindowStart the next window start in the campaign's fixed zone (or UTC), null without windows
 * @param pendingNotices deployments offered whose notice is not delivered yet
 */
public record CampaignStatus(Campaign campaign, Map<DeploymentState, Long> counts, List<DeploymentView> deployments,
    List<WaveView> waves, java.time.Instant nextWindowStart, long pendingNotices) {
  public CampaignStatus {
    EnumMap<DeploymentState, Long> nonZero = new EnumMap<>(DeploymentState.class);
    counts.forEach((state, count) -> {
      if (count != 0) {
        nonZero.put(state, count);
      }
    });
    counts = java.util.Collections.unmodifiableMap(nonZero);
    deployments = List.copyOf(deployments);
    waves = List.copyOf(waves);
  }

  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  public long succeeded() {
    return sum(true, false);
  }

  public long failed() {
    return sum(false, true);
  }

  /** Deployments not yet in a terminal state. */
  public long inProgress() {
    return counts.entrySet().stream().filter(e -> !e.getKey().isTerminal()).mapToLong(Map.Entry::getValue).sum();
  }

  private long sum(boolean success, boolean failure) {
    return counts.entrySet().stream()
        .filter(e -> (success && e.getKey().isSuccess()) || (failure && e.getKey().isFailure()))
        .mapToLong(Map.Entry::getValue).sum();
  }

  /** One wave with its counters and the gate's verdict. */
  public record WaveView(WaveProgress wave, Map<DeploymentState, Long> counts, WaveGate.Verdict verdict) {}

  /** One deployment with the hostname of its endpoint, for display. */
  public record DeploymentView(Deployment deployment, String hostname) {}
}
