package dev.convoy.server.notify;

import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox. Each {@link #runDue()} reads the pending entries in sequence order and, per destination in
 * parallel, delivers those that are due: a success removes the entry (synced); a failure records the attempt and
 * the next one after an exponential backoff with jitter ({@link BackoffPolicy}); a permanent failure, or one older
 * than the policy's maximum age, moves it to the dead letters. Per destination, an event of a campaign is never
 * sent while an earlier event of that campaign waits for that destination, so receivers see each campaign's
 * events in order. Delivery is at least once: a stop between a delivery and its removal sends it again, under the
 * same event id.
 *
 * <p>Thread-safe: {@link #runDue()} calls do not overlap. {@link #start()} runs it every poll interval on one
 * thread; tests call {@link #runDue()} directly with an injected clock.
 */
public final class OutboxDispatcher implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(OutboxDispatcher.class);
  /** Entries judged per run; the rest wait for the next run. */
  static final int MAX_SCAN = 10_000;
  private static final int PAGE = 1000;

  private final OutboxStore store;
  private final Storage storage;
  private final Map<Destination.Channel, DeliveryChannel> channels;
  private final NotifyConfig config;
  private final Clock clock;
  private final RandomGenerator random;
  private final ExecutorService workers;
  private ScheduledExecutorService timer;

  /** @param channels the channel for each kind of destination; a destination without one fails for good */
  public OutboxDispatcher(OutboxStore store, Storage storage, Map<Destination.Channel, DeliveryChannel> channels,
      NotifyConfig config, Clock clock, RandomGenerator random) {
    this.store = store;
    this.storage = storage;
    this.channels = Map.copyOf(channels);
    this.config = config;
    this.clock = clock;
    this.random = random;
    this.workers = Executors.newFixedThreadPool(config.threads(), daemon("convoy-notify"));
  }

  /** The channels a configuration asks for: webhooks, and e-mail when an SMTP server is configured. */
  public static Map<Destination.Channel, DeliveryChannel> channels(NotifyConfig config, Clock clock) {
    Map<Destination.Channel, DeliveryChannel> channels = new java.util.EnumMap<>(Destination.Channel.class);
    channels.put(Destination.Channel.WEBHOOK, new WebhookChannel(config.webhooks(), clock));
    config.smtp().ifPresent(smtp -> channels.put(Destination.Channel.MAIL, new MailChannel(smtp, clock)));
    return channels;
  }

  /** Runs {@link #runDue()} every poll interval until {@link #close()}. */
  public synchronized void start() {
    if (timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(daemon("convoy-outbox"));
    long period = config.pollInterval().toMillis();
    timer.scheduleWithFixedDelay(this::runSafely, 0, period, TimeUnit.MILLISECONDS);
  }

  private void runSafely() {
    try {
      runDue();
    } catch (RuntimeException e) {
      logger.warn("outbox run failed reason=\"{}\"", e.getMessage(), e);
    }
  }

  /**
   * One pass over the outbox: delivers every due entry it may (see the class comment) and returns once each
   * outcome is durable.
   *
   * @return entries delivered in this pass
   */
  public synchronized int runDue() {
    Instant now = clock.instant();
    Map<Destination, List<OutboxEntry>> due = dueByDestination(now);
    List<Future<Integer>> runs = new ArrayList<>();
    for (Map.Entry<Destination, List<OutboxEntry>> queue : due.entrySet()) {
      runs.add(workers.submit(() -> deliverInOrder(queue.getKey(), queue.getValue())));
    }
    int delivered = 0;
    for (Future<Integer> run : runs) {
      try {
        delivered += run.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException e) {
        logger.warn("outbox delivery failed reason=\"{}\"", e.getCause().getMessage(), e.getCause());
      }
    }
    return delivered;
  }

  /** Due entries grouped by destination, in sequence order, each campaign's stopping at its first waiting one. */
  private Map<Destination, List<OutboxEntry>> dueByDestination(Instant now) {
    Map<Destination, List<OutboxEntry>> due = new LinkedHashMap<>();
    Set<String> waiting = new HashSet<>();
    long after = 0;
    int scanned = 0;
    List<OutboxEntry> page;
    do {
      page = store.pending(after, PAGE);
      for (OutboxEntry entry : page) {
        String queue = entry.destination() + "\u0000" + entry.notification().campaignId();
        if (waiting.contains(queue)) {
          continue;
        }
        if (entry.nextAttemptAt().isAfter(now)) {
          waiting.add(queue);
          continue;
        }
        due.computeIfAbsent(entry.destination(), d -> new ArrayList<>()).add(entry);
      }
      after = page.isEmpty() ? after : page.get(page.size() - 1).sequence();
      scanned += page.size();
    } while (page.size() == PAGE && scanned < MAX_SCAN);
    return due;
  }

  /** Delivers one destination's due entries in order; a campaign's later entries wait after a failure. */
  private int deliverInOrder(Destination destination, List<OutboxEntry> entries) {
    Set<String> failedCampaigns = new HashSet<>();
    int delivered = 0;
    for (OutboxEntry entry : entries) {
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      if (failedCampaigns.contains(entry.notification().campaignId())) {
        continue;
      }
      if (deliver(destination, entry)) {
        delivered++;
      } else {
        failedCampaigns.add(entry.notification().campaignId());
      }
    }
    return delivered;
  }

  /** @return whether it was delivered; a dead letter counts as not delivered but no longer blocks the campaign */
  private boolean deliver(Destination destination, OutboxEntry entry) {
    DeliveryChannel channel = channels.get(destination.channel());
    DeliveryResult result = channel == null
        ? DeliveryResult.permanent("no " + destination.channel().name().toLowerCase() + " channel is configured")
        : channel.deliver(destination, entry.notification(), entry.attempts() + 1);
    Instant now = clock.instant();
    ChangeSet changes = storage.begin();
    switch (result.outcome()) {
      case DELIVERED -> {
        store.remove(changes, entry);
        storage.commit(changes);
        logger.info("notification delivered id={} event={} kind={} campaign={} destination={} attempts={}",
            entry.sequence(), entry.notification().id(), entry.notification().kind(),
            entry.notification().campaignId(), destination, entry.attempts() + 1);
        return true;
      }
      case PERMANENT -> bury(changes, entry, result.detail(), now);
      case RETRY -> {
        if (Duration.between(entry.since(), now).compareTo(config.retry().maxAge()) >= 0) {
          bury(changes, entry, result.detail() + " (still failing after "
              + config.retry().maxAge().toHours() + " h)", now);
        } else {
          retryLater(changes, entry, result, now);
        }
      }
    }
    return false;
  }

  private void retryLater(ChangeSet changes, OutboxEntry entry, DeliveryResult result, Instant now) {
    Duration delay = config.retry().delay(entry.attempts() + 1, random);
    if (result.retryAfter() != null && result.retryAfter().compareTo(delay) > 0) {
      delay = result.retryAfter().compareTo(config.retry().max()) > 0 ? config.retry().max() : result.retryAfter();
    }
    OutboxEntry failed = entry.failed(result.detail(), now.plus(delay));
    store.put(changes, failed);
    storage.commit(changes);
    logger.warn("notification failed id={} event={} destination={} attempts={} nextAttemptAt={} reason=\"{}\"",
        entry.sequence(), entry.notification().id(), entry.destination(), failed.attempts(), failed.nextAttemptAt(),
        result.detail());
  }

  private void bury(ChangeSet changes, OutboxEntry entry, String detail, Instant now) {
    OutboxEntry dead = entry.buried(detail, now);
    store.remove(changes, entry);
    store.put(changes, dead);
    storage.commit(changes);
    logger.error("notification dead-lettered id={} event={} kind={} campaign={} destination={} attempts={}"
        + " reason=\"{}\"", entry.sequence(), entry.notification().id(), entry.notification().kind(),
        entry.notification().campaignId(), entry.destination(), dead.attempts(), detail);
  }

  /** Stops the periodic runs and waits for a running one (bounded); then the storage may close. */
  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
    }
    if (t != null) {
      t.shutdownNow();
      awaitQuietly(t);
    }
    workers.shutdownNow();
    awaitQuietly(workers);
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        logger.warn("outbox delivery still running at stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
