package dev.convoy.server.campaign;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a campaign, as one transition table. This version uses DRAFT → RUNNING (start) and RUNNING →
 * COMPLETED (every deployment terminal); the other edges are there for scheduling, pausing and aborting.
 */
public enum CampaignState {
  DRAFT,
  SCHEDULED,
  RUNNING,
  PAUSED,
  COMPLETED,
  ABORTED,
  CANCELLED;

  private static final Map<CampaignState, Set<CampaignState>> NEXT = new EnumMap<>(CampaignState.class);

  static {
    NEXT.put(DRAFT, EnumSet.of(SCHEDULED, RUNNING, CANCELLED));
    NEXT.put(SCHEDULED, EnumSet.of(RUNNING, CANCELLED));
    NEXT.put(RUNNING, EnumSet.of(PAUSED, COMPLETED, ABORTED));
    NEXT.put(PAUSED, EnumSet.of(RUNNING, ABORTED));
    NEXT.put(COMPLETED, EnumSet.noneOf(CampaignState.class));
    NEXT.put(ABORTED, EnumSet.noneOf(CampaignState.class));
    NEXT.put(CANCELLED, EnumSet.noneOf(CampaignState.class));
  }

  /** The states this one may move to directly. */
  public Set<CampaignState> next() {
    return NEXT.get(this).isEmpty() ? EnumSet.noneOf(CampaignState.class) : EnumSet.copyOf(NEXT.get(this));
  }

  public boolean canMoveTo(CampaignState target) {
    return NEXT.get(this).contains(target);
  }

  /** Whether the campaign is over: nothing more will change. */
  public boolean isTerminal() {
    return NEXT.get(this).isEmpty();
  }
}
