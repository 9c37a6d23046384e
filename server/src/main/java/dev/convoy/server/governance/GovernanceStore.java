package dev.convoy.server.governance;

import dev.convoy.server.storage.ChangeSet;
import java.util.Optional;

/** Where governance records live (port). Implementations are thread-safe; writes are staged in a change set. */
public interface GovernanceStore {
  Optional<CampaignGovernance> campaign(String campaignId);

  void put(ChangeSet changes, CampaignGovernance governance);

  Optional<ReleaseGovernance> release(String name, String version);

  void put(ChangeSet changes, String name, String version, ReleaseGovernance governance);
}
