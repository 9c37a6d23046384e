package dev.convoy.server.campaign;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a campaign, as one transition table:
 * <pre>
 *   DRAFT     → SCHEDULED (start with a future start time) | RUNNING (start) | CANCELLED
 *   SCHEDULED → RUNNING (its start time came) | CANCELLED
 *   RUNNING   → PAUSED (command, error breach with PAUSE, stalled wave) | COMPLETED (every deployment final)
 *             | ABORTED (command, error breach with ABORT) | CANCELLED (command)
 *   PAUSED    → RUNNING (resume, advance) | ABORTED | CANCELLED
 * </pre>
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
    NEXT.put(RUNNING, EnumSet.of(PAUSED, COMPLETED, ABORTED, CANCELLED));
    NEXT.put(PAUSED, EnumSet.of(RUNNING, ABORTED, CANCELLED));
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
