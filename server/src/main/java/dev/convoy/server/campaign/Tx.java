package dev.convoy.server.campaign;

import dev.convoy.server.storage.ChangeSet;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One durable change of the campaign engine in the making: deployments replaced together with their wave counters,
 * their timers and their endpoints' revisions, then committed as one synced batch; the hints go out after.
 * Not thread-safe: one caller, under the locks {@link Guards} describes.
 */
final class Tx {
  private final CampaignContext ctx;
  private final ChangeSet changes;
  private final Instant now;
  private final Set<String> hinted = new LinkedHashSet<>();
  private final Set<String> campaignsChanged = new LinkedHashSet<>();
  private final java.util.List<dev.convoy.server.audit.AuditEvent> audited = new java.util.ArrayList<>();
  /** The last version of each campaign staged here, so that two puts of one campaign compare to each other. */
  private final java.util.Map<String, Campaign> staged = new java.util.HashMap<>();

  Tx(CampaignContext ctx) {
    this.ctx = ctx;
    this.changes = ctx.storage().begin();
    this.now = ctx.clock().instant();
  }

  Instant now() {
    return now;
  }

  ChangeSet changes() {
    return changes;
  }

  void put(Campaign campaign) {
    if (ctx.events().observingTransitions()) {
      Campaign before = staged.containsKey(campaign.id()) ? staged.get(campaign.id())
          : ctx.campaigns().find(campaign.id()).orElse(null);
      ctx.events().staged(changes, before, campaign);
    }
    staged.put(campaign.id(), campaign);
    ctx.campaigns().put(changes, campaign);
    campaignsChanged.add(campaign.id());
  }

  /**
   * Stages {@code after} in place of {@code before} (null: a new deployment): counters move, the timer its state
   * needs replaces the old one, and with {@code agentSees} the endpoint's revision grows.
   *
   * @return {@code after} with its timer's due time
   */
  Deployment replace(Campaign campaign, Deployment before, Deployment after, boolean agentSees) {
    Instant due = DeploymentTimers.dueAt(before, after, campaign.plan().timeouts(), now);
    Instant old = before == null ? null : before.timerAt();
    if (!Objects.equals(due, after.timerAt())) {
      after = after.toBuilder().timerAt(due).build();
    }
    if (old != null && !old.equals(due)) {
      ctx.timers().delete(changes, Timer.deployment(before, old));
    }
    if (due != null && !due.equals(old)) {
      ctx.timers().put(changes, Timer.deployment(after, due));
    }
    ctx.deployments().put(changes, after);
    if (before == null) {
      ctx.campaigns().addToWaveCount(changes, after.campaignId(), after.wave(), after.state(), 1);
    } else if (before.state() != after.state()) {
      ctx.campaigns().addToWaveCount(changes, after.campaignId(), after.wave(), before.state(), -1);
      ctx.campaigns().addToWaveCount(changes, after.campaignId(), after.wave(), after.state(), 1);
    }
    if (agentSees) {
      bump(after.endpointId());
    }
    campaignsChanged.add(after.campaignId());
    return after;
  }

  /** The endpoint's desired state changed: its revision grows in this change and it is hinted after commit. */
  void bump(String endpointId) {
    if (hinted.add(endpointId)) {
      ctx.endpoints().bumpRevision(changes, endpointId);
    }
  }

  void putTimer(Timer timer) {
    ctx.timers().put(changes, timer);
  }

  void deleteTimer(Timer timer) {
    ctx.timers().delete(changes, timer);
  }

  /** Records {@code event} in the audit log in the same batch as this change (when the server keeps one). */
  void audit(dev.convoy.server.audit.AuditEvent event) {
    audited.add(event);
  }

  /**
   * Makes everything durable (one synced batch, with its audit entries when there are any), then tells listeners and
   * hints the endpoints.
   */
  void commit() {
    AuditTrail trail = ctx.events().auditTrail();
    if (audited.isEmpty() || trail == null) {
      commit(ctx.storage()::commit);
    } else {
      commit(changes -> trail.commit(changes, java.util.List.copyOf(audited)));
    }
  }

  /** As {@link #commit()}, with {@code durable} making the batch durable (e.g. together with its audit entry). */
  void commit(java.util.function.Consumer<ChangeSet> durable) {
    durable.accept(changes);
    campaignsChanged.forEach(ctx.events()::changed);
    for (String endpointId : hinted) {
      ctx.revisions().revisionChanged(endpointId, ctx.endpoints().revision(endpointId));
    }
  }
}
