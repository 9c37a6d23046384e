package dev.convoy.server.notify;

import dev.convoy.server.common.RandomIds;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened to a campaign and that people must hear about: a state change, a wave advance, a request
 * for an approval or an acknowledgement. Immutable. The same event goes to every destination (webhooks, e-mail
 * recipients) under the same {@link #id}, which receivers use to drop the duplicates an at-least-once delivery can
 * produce.
 *
 * @param id stable unique event id ({@code evt-} + 16 hex); the webhook's {@code Convoy-Event-Id}
 * @param kind what happened, e.g. {@code campaign.paused} ({@link NotificationKinds})
 * @param campaignId the campaign concerned
 * @param campaignTitle its title as the admin wrote it (may be empty), carried as is into texts
 * @param occurredAt when it happened (server clock)
 * @param summary one line for people, e.g. {@code "paused by alice: printer driver issue"}
 * @param details machine-readable facts (state, wave, by, reason …), in insertion order
 * @param recipients e-mail addresses to reach besides those the {@link Audience} names (e.g. the one person whose
 *     approval is requested); may be empty
 */
public record Notification(String id, String kind, String campaignId, String campaignTitle, Instant occurredAt,
    String summary, Map<String, String> details, List<String> recipients) {
  public static final int MAX_SUMMARY = 2000;

  public Notification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (kind == null || !kind.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+")) {
      throw new IllegalArgumentException("kind: " + kind + " (expected: dotted lowercase words, e.g. campaign.paused)");
    }
    if (campaignId == null || campaignId.isBlank()) {
      throw new IllegalArgumentException("campaignId: empty (expected: the campaign's id)");
    }
    campaignTitle = Objects.requireNonNullElse(campaignTitle, "");
    summary = Objects.requireNonNullElse(summary, "");
    summary = summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY) : summary;
    details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    recipients = List.copyOf(recipients);
  }

  /** A new event with a fresh id and no extra recipients. */
  public static Notification of(String kind, String campaignId, String campaignTitle, Instant occurredAt,
      String summary, Map<String, String> details) {
    return new Notification(RandomIds.next("evt-"), kind, campaignId, campaignTitle, occurredAt, summary, details,
        List.of());
  }

  /** This event, also sent to {@code addresses}. */
  public Notification withRecipients(List<String> addresses) {
    return new Notification(id, kind, campaignId, campaignTitle, occurredAt, summary, details, addresses);
  }

  /** The campaign as people name it: {@code "Office 2027 (cmp-…)"}, or the id alone without a title. */
  public String campaignLabel() {
    return campaignTitle.isBlank() ? campaignId : campaignTitle + " (" + campaignId + ")";
  }
}
