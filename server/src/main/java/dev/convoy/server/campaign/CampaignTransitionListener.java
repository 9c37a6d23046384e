package dev.convoy.server.campaign;

import dev.convoy.server.storage.ChangeSet;

/**
 * Told of every campaign change while it is being staged, before it is committed, so that it can stage its own
 * records (e.g. notifications in an outbox) in the same change set: they become durable together with the change,
 * or not at all. Register with {@link CampaignEvents#observeTransitions}.
 *
 * <p>Called on the thread making the change, under the campaign's lock, once per stored version of a campaign; a
 * put that changes nothing visible (same state, same current wave) is reported too, and the listener decides what
 * matters. Implementations must be thread-safe, must not block on I/O, and must not commit {@code changes}. An
 * exception aborts the change (nothing is committed), so that a change can never go out without its records.
 */
@FunctionalInterface
public interface CampaignTransitionListener {
  /**
   * @param before the campaign as stored before this change, or null when it is being created
   * @param after the campaign as it will be stored
   */
  void staged(ChangeSet changes, Campaign before, Campaign after);
}
