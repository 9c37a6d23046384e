package dev.convoy.server.notify;

import java.util.Locale;
import java.util.Objects;

/**
 * Where one copy of an event goes: a configured webhook (by its name) or one e-mail address. Written
 * {@code webhook:NAME} or {@code mail:ADDRESS}. Immutable.
 */
public record Destination(Channel channel, String target) {
  /** The delivery channels. */
  public enum Channel { WEBHOOK, MAIL }

  public Destination {
    Objects.requireNonNull(channel, "channel");
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("destination target: empty (expected: a webhook name or an address)");
    }
  }

  public static Destination webhook(String name) {
    return new Destination(Channel.WEBHOOK, name);
  }

  /** An e-mail address, its domain lower-cased (the local part is the receiving server's business). */
  public static Destination mail(String address) {
    String a = address.strip();
    int at = a.lastIndexOf('@');
    return new Destination(Channel.MAIL, at < 0 ? a : a.substring(0, at) + a.substring(at).toLowerCase(Locale.ROOT));
  }

  /** @throws IllegalArgumentException for text that is not {@code webhook:NAME} or {@code mail:ADDRESS} */
  public static Destination parse(String text) {
    int colon = text.indexOf(':');
    String prefix = colon < 0 ? "" : text.substring(0, colon);
    return switch (prefix) {
      case "webhook" -> webhook(text.substring(colon + 1));
      case "mail" -> mail(text.substring(colon + 1));
      default -> throw new IllegalArgumentException("destination: " + text
          + " (expected: webhook:NAME or mail:ADDRESS)");
    };
  }

  @Override
  public String toString() {
    return channel.name().toLowerCase(Locale.ROOT) + ":" + target;
  }
}
