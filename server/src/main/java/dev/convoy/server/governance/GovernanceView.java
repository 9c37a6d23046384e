package dev.convoy.server.governance;

import dev.convoy.server.campaign.Campaign;
import java.util.List;

/**
 * Where a campaign's governance stands, as status and {@code convoy raci show} present it. Immutable.
 *
 * @param contentHash the campaign's current content hash
 * @param blockers what a start still needs (empty: it may start, or it started)
 * @param gated whether the production gate applies (not a pilot, not a rollback)
 * @param approvalState one line, as campaign lists show it
 */
public record GovernanceView(Campaign campaign, CampaignGovernance governance, String contentHash,
    List<String> blockers, boolean gated, String approvalState) {
  public GovernanceView {
    blockers = List.copyOf(blockers);
  }
}
