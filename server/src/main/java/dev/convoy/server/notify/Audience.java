package dev.convoy.server.notify;

import java.util.List;

/**
 * Port: who should read about an event by e-mail. The governance code implements it from the campaign's RACI (the
 * Informed for every change, the Consulted and the Accountable for their requests); until then {@link #fixed} sends
 * every event to the addresses of the server's configuration ({@code notify.mail.to}).
 *
 * <p>Called while a campaign change is being staged, under the campaign's lock: implementations must be
 * thread-safe, quick (reads only) and must not change the campaign.
 */
@FunctionalInterface
public interface Audience {
  /** Nobody. */
  Audience NONE = (campaignId, kind) -> List.of();

  /**
   * The e-mail addresses to reach for an event of {@code kind} about {@code campaignId}; empty for none.
   * Duplicates and case differences are tolerated (the outbox keeps one per address).
   */
  List<String> recipients(String campaignId, String kind);

  /** Everyone in {@code addresses}, for every event. */
  static Audience fixed(List<String> addresses) {
    List<String> copy = List.copyOf(addresses);
    return (campaignId, kind) -> copy;
  }

  /** The addresses of this audience and then those of {@code other}. */
  default Audience and(Audience other) {
    return (campaignId, kind) -> {
      List<String> all = new java.util.ArrayList<>(recipients(campaignId, kind));
      all.addAll(other.recipients(campaignId, kind));
      return all;
    };
  }
}
