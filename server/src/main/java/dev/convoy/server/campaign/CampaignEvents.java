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
