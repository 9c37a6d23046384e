package dev.convoy.server.notify;

import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The JSON body of a webhook POST (docs/notifications.md):
 * <pre>
 * {"id":"evt-…","kind":"campaign.paused","campaign":{"id":"cmp-…","title":"…"},
 *  "occurred_at":"2027-06-07T08:00:00Z","summary":"…","details":{"state":"PAUSED",…}}
 * </pre>
 * The same event always gives the same bytes, so a receiver may hash it. Stateless.
 */
public final class WebhookPayload {
  private WebhookPayload() {}

  public static String json(Notification n) {
    StringBuilder out = new StringBuilder(256);
    out.append("{\"id\":");
    string(out, n.id());
    out.append(",\"kind\":");
    string(out, n.kind());
    out.append(",\"campaign\":{\"id\":");
    string(out, n.campaignId());
    out.append(",\"title\":");
    string(out, n.campaignTitle());
    out.append("},\"occurred_at\":");
    string(out, DateTimeFormatter.ISO_INSTANT.format(n.occurredAt()));
    out.append(",\"summary\":");
    string(out, n.summary());
    out.append(",\"details\":{");
    boolean first = true;
    for (Map.Entry<String, String> e : n.details().entrySet()) {
      out.append(first ? "" : ",");
      string(out, e.getKey());
      out.append(':');
      string(out, e.getValue());
      first = false;
    }
    return out.append("}}").toString();
  }

  /** A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped. */
  static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
