package dev.convoy.cli.campaign;

import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CampaignStatus;
import java.util.EnumSet;
import java.util.Set;

/** What the CLI needs to know about campaign states: which are final, and what counts as full success. */
public final class CampaignStates {
  private static final Set<CampaignState> TERMINAL =
      EnumSet.of(CampaignState.COMPLETED, CampaignState.ABORTED, CampaignState.CANCELLED_CAMPAIGN);

  private CampaignStates() {}

  /** COMPLETED, ABORTED or CANCELLED_CAMPAIGN: nothing will change any more. */
  public static boolean isTerminal(CampaignState state) {
    return TERMINAL.contains(state);
  }

  /** Every targeted endpoint succeeded (or already had the release). */
  public static boolean allSucceeded(CampaignStatus status) {
    return status.getFailed() == 0 && status.getSucceeded() == status.getTotal();
  }
}
