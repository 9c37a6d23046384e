package dev.convoy.server.notify;

import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.governance.ApprovalVoid;
import dev.convoy.server.governance.GovernanceEvents;
import dev.convoy.server.governance.Raci;
import dev.convoy.server.governance.Signature;
import dev.convoy.server.storage.ChangeSet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Governance events as notifications in the outbox, staged in the change set of the approval, acknowledgement or
 * void they announce (so a request is sent exactly when it was durably made). Who receives the e-mail is what the
 * event's RACI names ({@link RaciAudience}: the Accountable for approval requests, the Consulted for acknowledgement
 * requests, the Informed and the Responsible otherwise) — taken from the event, not the store, because a RACI being
 * set announces its requests before it is stored. Webhooks receive them all. Thread-safe.
 */
public final class GovernanceNotifier implements GovernanceEvents {
  private final Notifications notifications;
  private final RaciAudience audience;
  private final Clock clock;

  public GovernanceNotifier(Notifications notifications, RaciAudience audience, Clock clock) {
    this.notifications = notifications;
    this.audience = audience;
    this.clock = clock;
  }

  @Override
  public void approvalRequested(ChangeSet changes, Campaign campaign, Raci raci, String why) {
    enqueue(changes, campaign, raci, NotificationKinds.APPROVAL_REQUESTED, "approval of " + raci.accountable()
        + " requested: " + why, Map.of("accountable", raci.accountable(), "why", why));
  }

  @Override
  public void approvalGiven(ChangeSet changes, Campaign campaign, Raci raci, Signature approval) {
    enqueue(changes, campaign, raci, NotificationKinds.APPROVAL_GIVEN, "approved by " + approval.person()
        + comment(approval), signed(approval));
  }

  @Override
  public void ackRequested(ChangeSet changes, Campaign campaign, Raci raci, List<String> persons) {
    enqueue(changes, campaign, raci, NotificationKinds.ACK_REQUESTED, "acknowledgement of " + String.join(", ", persons)
        + " requested", Map.of("consulted", String.join(",", persons)));
  }

  @Override
  public void ackGiven(ChangeSet changes, Campaign campaign, Raci raci, Signature ack) {
    enqueue(changes, campaign, raci, NotificationKinds.ACK_GIVEN, "acknowledged by " + ack.person() + comment(ack),
        signed(ack));
  }

  @Override
  public void approvalVoided(ChangeSet changes, Campaign campaign, Raci raci, ApprovalVoid voided) {
    enqueue(changes, campaign, raci, NotificationKinds.APPROVAL_VOIDED, "approval of " + voided.wasApprovedBy()
        + " voided: " + voided.reason(), Map.of("by", voided.by(), "reason", voided.reason()));
  }

  private void enqueue(ChangeSet changes, Campaign campaign, Raci raci, String kind, String summary,
      Map<String, String> details) {
    notifications.enqueue(changes, Notification.of(kind, campaign.id(), campaign.title(), clock.instant(), summary,
        details).withRecipients(audience.recipients(raci, kind)));
  }

  private static Map<String, String> signed(Signature signature) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("by", signature.person());
    details.put("comment", signature.comment());
    details.put("content_hash", signature.contentHash());
    return details;
  }

  private static String comment(Signature signature) {
    return signature.comment().isBlank() ? "" : ": " + signature.comment();
  }
}
