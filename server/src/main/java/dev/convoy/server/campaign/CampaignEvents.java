package dev.convoy.server.campaign;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listeners per campaign (e.g. WatchCampaign streams). Thread-safe. */
public final class CampaignEvents {
  private static final Logger logger = LoggerFactory.getLogger(CampaignEvents.class);

  private final ConcurrentMap<String, Set<CampaignListener>> listeners = new ConcurrentHashMap<>();
  private final Set<CampaignTransitionListener> transitions = new CopyOnWriteArraySet<>();
  private volatile AuditTrail auditTrail;

  /** Audit entries of engine changes (notices delivered) are committed through {@code trail} from now on. */
  public void auditTo(AuditTrail trail) {
    this.auditTrail = trail;
  }

  /** The trail engine changes with audit entries are committed through; null: none (entries are not kept). */
  AuditTrail auditTrail() {
    return auditTrail;
  }

  /** A registration; closing it unregisters the listener. Idempotent. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /** Registers {@code listener} for {@code campaignId}. */
  public Subscription subscribe(String campaignId, CampaignListener listener) {
    listeners.computeIfAbsent(campaignId, id -> new CopyOnWriteArraySet<>()).add(listener);
    return () -> listeners.computeIfPresent(campaignId, (id, set) -> {
      set.remove(listener);
      return set.isEmpty() ? null : set;
    });
  }

  /**
   * Registers {@code listener} for every change of every campaign, told while the change is staged (see
   * {@link CampaignTransitionListener}). Register before the engine starts changing campaigns.
   */
  public Subscription observeTransitions(CampaignTransitionListener listener) {
    transitions.add(listener);
    return () -> transitions.remove(listener);
  }

  boolean observingTransitions() {
    return !transitions.isEmpty();
  }

  /** Tells the transition listeners; their exceptions propagate, so the change is not committed. */
  void staged(dev.convoy.server.storage.ChangeSet changes, Campaign before, Campaign after) {
    for (CampaignTransitionListener listener : transitions) {
      listener.staged(changes, before, after);
    }
  }

  void changed(String campaignId) {
    for (CampaignListener listener : listeners.getOrDefault(campaignId, Set.of())) {
      try {
        listener.campaignChanged(campaignId);
      } catch (RuntimeException e) {
        logger.warn("campaign listener failed campaign={}", campaignId, e);
      }
    }
  }

  int listenerCount(String campaignId) {
    return listeners.getOrDefault(campaignId, Set.of()).size();
  }
}
