package dev.convoy.server.campaign;

import dev.convoy.server.storage.ChangeSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: campaigns and their per-state deployment counters. Implementations are thread-safe. */
public interface CampaignStore {
  Optional<Campaign> find(String campaignId);

  /** Every campaign, in no particular order. */
  List<Campaign> list();

  /** Stages a create-or-replace of {@code campaign}. */
  void put(ChangeSet changes, Campaign campaign);

  /** The campaign's deployment count per state (states never counted are absent or 0). */
  Map<DeploymentState, Long> counts(String campaignId);

  /**
   * Stages "count of {@code state} + {@code delta}". Increments commute (no read-modify-write), so concurrent reports
   * for one campaign need no campaign-wide lock; put them in the same change set as the deployment they count.
   */
  void addToCount(ChangeSet changes, String campaignId, DeploymentState state, long delta);

  /** The deployment count per state of each wave of the campaign, by wave index (absent waves: none counted). */
  Map<Integer, Map<DeploymentState, Long>> waveCounts(String campaignId);

  /** Stages "count of {@code state} in wave {@code wave} + {@code delta}" and the campaign total alike. */
  void addToWaveCount(ChangeSet changes, String campaignId, int wave, DeploymentState state, long delta);
}
