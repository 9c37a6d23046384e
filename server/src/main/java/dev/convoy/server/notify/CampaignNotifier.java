package dev.convoy.server.notify;

import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.CampaignTransitionListener;
import dev.convoy.server.storage.ChangeSet;
import java.time.Clock;

/**
 * Turns every campaign change the engine stages into its notifications ({@link CampaignTransitions}) and enqueues
 * them in the same change set, so they are durable exactly when the change is. Register it with
 * {@code CampaignEvents.observeTransitions}. Thread-safe.
 */
public final class CampaignNotifier implements CampaignTransitionListener {
  private final Notifications notifications;
  private final Clock clock;

  public CampaignNotifier(Notifications notifications, Clock clock) {
    this.notifications = notifications;
    this.clock = clock;
  }

  @Override
  public void staged(ChangeSet changes, Campaign before, Campaign after) {
    for (Notification notification : CampaignTransitions.events(before, after, clock.instant())) {
      notifications.enqueue(changes, notification);
    }
  }
}
