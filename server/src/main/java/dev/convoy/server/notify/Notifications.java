package dev.convoy.server.notify;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification outbox: events are staged in the same change set as the state change they report, one outbox
 * entry per destination (each configured webhook that accepts the kind; each e-mail address the {@link Audience}
 * and the event name), so that a committed change always has its notifications and a change that is not committed
 * never has any. The {@link OutboxDispatcher} delivers them later, at least once. Also the admin view: list, and
 * retry a dead letter.
 *
 * <p>Thread-safe.
 */
public final class Notifications {
  private static final Logger logger = LoggerFactory.getLogger(Notifications.class);

  private final OutboxStore store;
  private final Storage storage;
  private final NotifyConfig config;
  private final Audience audience;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong(-1);

  /** @param audience who gets e-mail about what (e.g. {@code Audience.fixed(config.mailTo())}) */
  public Notifications(OutboxStore store, Storage storage, NotifyConfig config, Audience audience, Clock clock) {
    this.store = store;
    this.storage = storage;
    this.config = config;
    this.audience = audience;
    this.clock = clock;
  }

  /**
   * Stages {@code notification} for every destination concerned, in {@code changes}: it becomes durable when, and
   * only if, the caller commits {@code changes}. Events of one campaign reach each destination in the order they
   * were enqueued, so enqueue under the lock that orders the campaign's changes. Without any configured channel,
   * nothing is staged. This is the call the campaign engine and governance (approval.requested, approval.given,
   * ack.requested) use.
   *
   * @return the entries staged (one per destination; empty when nobody is to be told)
   */
  public List<OutboxEntry> enqueue(ChangeSet changes, Notification notification) {
    List<OutboxEntry> entries = new ArrayList<>();
    for (Destination destination : destinations(notification)) {
      OutboxEntry entry = OutboxEntry.pending(nextSequence(), destination, notification, clock.instant());
      store.put(changes, entry);
      entries.add(entry);
    }
    if (!entries.isEmpty()) {
      logger.debug("notification staged event={} kind={} campaign={} destinations={}", notification.id(),
          notification.kind(), notification.campaignId(), entries.size());
    }
    return entries;
  }

  private Set<Destination> destinations(Notification notification) {
    Set<Destination> destinations = new LinkedHashSet<>();
    for (WebhookConfig webhook : config.webhooks()) {
      if (webhook.accepts(notification.kind())) {
        destinations.add(Destination.webhook(webhook.name()));
      }
    }
    if (config.smtp().isEmpty()) {
      return destinations;
    }
    List<String> addresses = new ArrayList<>(audience.recipients(notification.campaignId(), notification.kind()));
    addresses.addAll(notification.recipients());
    for (String address : addresses) {
      try {
        destinations.add(Destination.mail(NotifyConfigLoader.address("recipient", address.strip())));
      } catch (IllegalArgumentException e) {
        logger.warn("notification recipient skipped event={} campaign={} reason=\"{}\"", notification.id(),
            notification.campaignId(), e.getMessage());
      }
    }
    return destinations;
  }

  private long nextSequence() {
    if (sequence.get() < 0) {
      synchronized (sequence) {
        if (sequence.get() < 0) {
          sequence.set(store.lastSequence());
        }
      }
    }
    return sequence.incrementAndGet();
  }

  /**
   * Outbox entries, oldest first: dead letters only with {@code deadOnly}, else pending ones then dead ones.
   *
   * @param afterSequence 0 for the first page, else the last sequence of the previous page
   */
  public List<OutboxEntry> list(boolean deadOnly, long afterSequence, int limit) {
    if (deadOnly) {
      return store.dead(afterSequence, limit);
    }
    List<OutboxEntry> all = new ArrayList<>(store.pending(afterSequence, limit));
    all.addAll(store.dead(afterSequence, limit));
    all.sort(java.util.Comparator.comparingLong(OutboxEntry::sequence));
    return all.subList(0, Math.min(limit, all.size()));
  }

  /**
   * Makes dead letter {@code sequence} pending again, due at once, its age counted from now (so it gets the retry
   * policy's whole maximum age again). Durable when it returns.
   *
   * @throws ConvoyException NOT_FOUND for an unknown sequence; FAILED_PRECONDITION if it is still pending
   */
  public OutboxEntry retry(long sequence, String by) {
    OutboxEntry entry = store.find(sequence)
        .orElseThrow(() -> ConvoyException.notFound("notification id: " + sequence + " not found (delivered, or"
            + " never existed)"));
    if (!entry.dead()) {
      throw ConvoyException.failedPrecondition("notification " + sequence + " is pending, next attempt at "
          + entry.nextAttemptAt() + " (expected: a dead letter to retry)");
    }
    OutboxEntry revived = entry.revived(clock.instant());
    ChangeSet changes = storage.begin();
    store.remove(changes, entry);
    store.put(changes, revived);
    storage.commit(changes);
    logger.info("notification retried id={} event={} destination={} by={}", sequence,
        entry.notification().id(), entry.destination(), by);
    return revived;
  }

  /** Whether any channel is configured (else {@link #enqueue} stages nothing). */
  public boolean enabled() {
    return !config.webhooks().isEmpty() || config.smtp().isPresent();
  }
}
