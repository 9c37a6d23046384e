package dev.convoy.server.campaign;

import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.util.Optional;

/**
 * What the campaign engine asks governance (RACI, approvals, readiness; package {@code governance}) at the points
 * where a campaign is created, starts, widens past a wave that requires a go, or is edited (port). {@link #OPEN}
 * allows everything: the engine alone, as the campaign tests use it. Implementations are thread-safe; the engine calls
 * them under the campaign's lock ({@link Guards}), so they must not take it.
 */
public interface GovernanceGate {
  /** Allows everything, records nothing. */
  GovernanceGate OPEN = new GovernanceGate() {};

  /**
   * Stages what governance keeps for a new campaign in {@code changes} (committed with it), or refuses it.
   *
   * @param targetCount how many endpoints its targets resolve to now
   * @throws dev.convoy.server.error.ConvoyException naming what is wrong (readiness, pilot size, RACI)
   */
  default void created(ChangeSet changes, Campaign campaign, boolean pilot, int targetCount) {}

  /**
   * Refuses a start that governance does not allow yet (StartCampaign, or a scheduled start time).
   *
   * @throws dev.convoy.server.error.ConvoyException FAILED_PRECONDITION naming everything still missing
   */
  default void checkStart(Campaign campaign, int targetCount) {}

  /** Why a SCHEDULED campaign whose start time came must wait (approval, acknowledgements, readiness), if it must. */
  default Optional<String> startBlocker(Campaign campaign) {
    return Optional.empty();
  }

  /** Told, after it was recorded, that a scheduled start was held for {@code reason} (to announce it). */
  default void startHeld(Campaign campaign, String reason) {}

  /**
   * Refuses the go past {@code wave} (one that requires a go) to anyone but whom governance names.
   *
   * @param bySubject certificate subject of the caller
   * @throws dev.convoy.server.error.ConvoyException PERMISSION_DENIED naming who may give it
   */
  default void checkAdvance(Campaign campaign, WaveProgress wave, String bySubject) {}

  /**
   * Commits {@code changes}, an edit of a not yet started campaign from {@code before} to {@code after}, together with
   * what governance records about it (its approval voided, the audit entry), as one batch.
   */
  default void commitEdit(ChangeSet changes, Storage storage, Campaign before, Campaign after, String bySubject,
      String comment) {
    storage.commit(changes);
  }

  /** The campaign as the install gate judges it: with a notice override its lead time is zero. */
  default Campaign effective(Campaign campaign) {
    return campaign;
  }
}
