package dev.convoy.server.campaign;

/**
 * Told, after the change is durable, that something in a campaign changed (its state, or one of its deployments).
 * Implementations must be thread-safe and must not block: they run on the thread that made the change.
 */
@FunctionalInterface
public interface CampaignListener {
  void campaignChanged(String campaignId);
}
