package dev.convoy.server.notify;

import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.CampaignState;
import dev.convoy.server.campaign.WaveProgress;
import dev.convoy.server.campaign.WaveState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which events one stored change of a campaign makes: one per state change ({@code campaign.created},
 * {@code scheduled}, {@code started}, {@code paused}, {@code resumed}, {@code aborted}, {@code cancelled},
 * {@code completed}), one when it widens to a later wave ({@code campaign.wave_advanced}) and one when a wave starts
 * to wait for the Accountable's go ({@code campaign.wave_awaiting_go}). A change that moves both the state and the
 * wave (a go given to a paused campaign) makes both, state first. Changes of nothing people follow (a deployment
 * added, a soak time started) make none. Stateless.
 */
public final class CampaignTransitions {
  private CampaignTransitions() {}

  /** @param before null when {@code after} is being created */
  public static List<Notification> events(Campaign before, Campaign after, Instant at) {
    List<Notification> events = new ArrayList<>();
    if (before == null) {
      events.add(event(NotificationKinds.CAMPAIGN_CREATED, after, at, "Campaign created by "
          + after.createdBy() + ": " + after.releaseRef() + " to " + after.targets(), created(after)));
      return events;
    }
    if (before.state() != after.state()) {
      events.add(stateChange(before, after, at));
    }
    boolean hadWaves = !before.waves().isEmpty();
    if (hadWaves && after.currentWave() > before.currentWave()) {
      WaveProgress from = after.wave(before.currentWave());
      WaveProgress to = after.wave(after.currentWave());
      Map<String, String> details = base(after);
      details.put("from_wave", from.name());
      details.put("to_wave", to.name());
      details.put("wave_index", String.valueOf(to.index() + 1));
      details.put("wave_size", String.valueOf(to.size()));
      events.add(event(NotificationKinds.CAMPAIGN_WAVE_ADVANCED, after, at, "Wave " + to.name() + " opened ("
          + to.size() + " endpoints) after wave " + from.name() + " " + from.state().name().toLowerCase(), details));
    }
    for (WaveProgress wave : after.waves()) {
      boolean was = hadWaves && wave.index() < before.waves().size()
          && before.wave(wave.index()).state() == WaveState.AWAITING_GO;
      if (wave.state() == WaveState.AWAITING_GO && !was) {
        Map<String, String> details = base(after);
        details.put("wave", wave.name());
        events.add(event(NotificationKinds.CAMPAIGN_WAVE_AWAITING_GO, after, at, "Wave " + wave.name()
            + " passed its gate and waits for the Accountable's go: convoy campaign advance " + after.id(),
            details));
      }
    }
    return events;
  }

  private static Notification stateChange(Campaign before, Campaign after, Instant at) {
    Map<String, String> details = base(after);
    details.put("previous_state", before.state().name());
    if (!after.stateReason().isBlank()) {
      details.put("reason", after.stateReason());
    }
    String kind;
    String summary;
    switch (after.state()) {
      case SCHEDULED -> {
        kind = NotificationKinds.CAMPAIGN_SCHEDULED;
        summary = "Scheduled: " + after.stateReason();
        if (after.plan().startAt() != null) {
          details.put("start_at", after.plan().startAt().toString());
        }
      }
      case RUNNING -> {
        boolean resumed = before.state() == CampaignState.PAUSED;
        kind = resumed ? NotificationKinds.CAMPAIGN_RESUMED : NotificationKinds.CAMPAIGN_STARTED;
        details.put("deployments", String.valueOf(after.deploymentCount()));
        details.put("waves", String.valueOf(after.waves().size()));
        summary = resumed ? capitalized(after.stateReason()) : "Started: " + after.deploymentCount()
            + " deployments in " + after.waves().size() + (after.waves().size() == 1 ? " wave" : " waves");
      }
      case PAUSED -> {
        kind = NotificationKinds.CAMPAIGN_PAUSED;
        summary = capitalized(after.stateReason());
      }
      case ABORTED -> {
        kind = NotificationKinds.CAMPAIGN_ABORTED;
        summary = capitalized(after.stateReason());
      }
      case CANCELLED -> {
        kind = NotificationKinds.CAMPAIGN_CANCELLED;
        summary = capitalized(after.stateReason());
      }
      case COMPLETED -> {
        kind = NotificationKinds.CAMPAIGN_COMPLETED;
        summary = "Completed: every deployment of " + after.releaseRef() + " is final";
      }
      default -> throw new IllegalStateException("campaign " + after.id() + " moved back to " + after.state());
    }
    return event(kind, after, at, summary, details);
  }

  private static Map<String, String> created(Campaign c) {
    Map<String, String> details = base(c);
    details.put("created_by", c.createdBy());
    details.put("targets", c.targets().toString());
    details.put("delivery", c.delivery().name());
    details.put("rollout", c.rollout().name());
    details.put("execution", c.execution().name());
    return details;
  }

  private static Map<String, String> base(Campaign c) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("state", c.state().name());
    details.put("release", c.releaseRef());
    details.put("action", c.action().name());
    if (!c.rollbackOf().isEmpty()) {
      details.put("rollback_of", c.rollbackOf());
    }
    return details;
  }

  private static Notification event(String kind, Campaign c, Instant at, String summary, Map<String, String> d) {
    return Notification.of(kind, c.id(), c.title(), at, summary, d);
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
