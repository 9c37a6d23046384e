package dev.convoy.server.notify;

import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The plain-text e-mail for an event. The subject is {@code [Convoy] <campaign> <kind>}; the body starts with the
 * summary, in the words the admins wrote (titles, comments and reasons are carried as they are, in their
 * language), then the facts. Stateless.
 */
public final class MailText {
  private MailText() {}

  public static String subject(Notification n) {
    return "[Convoy] " + oneLine(n.campaignLabel()) + " " + n.kind();
  }

  public static String body(Notification n) {
    StringBuilder out = new StringBuilder();
    out.append(n.summary().isBlank() ? n.kind() : n.summary()).append("\n\n");
    out.append("Campaign: ").append(n.campaignLabel()).append('\n');
    out.append("Event:    ").append(n.kind()).append('\n');
    out.append("When:     ").append(DateTimeFormatter.ISO_INSTANT.format(n.occurredAt())).append('\n');
    for (Map.Entry<String, String> e : n.details().entrySet()) {
      out.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
    }
    out.append("\n-- \nConvoy notification ").append(n.id()).append('\n');
    return out.toString();
  }

  private static String oneLine(String text) {
    String flat = text.replaceAll("[\\r\\n\\t]+", " ").strip();
    return flat.length() > 150 ? flat.substring(0, 150) + "…" : flat;
  }
}
