package dev.convoy.server.campaign;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's progress: deployments per state (from the incremental counters) and the per-endpoint list.
 *
 * @param counts non-zero counts only
 */
public record CampaignStatus(Campaign campaign, Map<DeploymentState, Long> counts, List<DeploymentView> deployments) {
  public CampaignStatus {
    EnumMap<DeploymentState, Long> nonZero = new EnumMap<>(DeploymentState.class);
    counts.forEach((state, count) -> {
      if (count != 0) {
        nonZero.put(state, count);
      }
    });
    counts = java.util.Collections.unmodifiableMap(nonZero);
    deployments = List.copyOf(deployments);
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

  /** One deployment with the hostname of its endpoint, for display. */
  public record DeploymentView(Deployment deployment, String hostname) {}
}
