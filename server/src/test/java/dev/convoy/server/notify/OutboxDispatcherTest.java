package dev.convoy.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.RocksOutboxStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.server.testing.MutableClock;
import dev.convoy.server.testing.WebhookReceiver;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox and its dispatcher over a real RocksDB, a loopback webhook receiver and a loopback SMTP server. */
class OutboxDispatcherTest {
  private static final byte[] SECRET = "another-secret-of-32-bytes-long!".getBytes(StandardCharsets.UTF_8);
  private static final BackoffPolicy BACKOFF = new BackoffPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5),
      Duration.ofHours(1));

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2027-03-01T10:00:00Z"));
  private RocksStorage storage;
  private RocksOutboxStore store;
  private WebhookReceiver receiver;
  private Notifications notifications;
  private OutboxDispatcher dispatcher;

  @BeforeEach
  void open() throws Exception {
    storage = RocksStorage.open(dir.resolve("db"));
    store = new RocksOutboxStore(storage);
    receiver = new WebhookReceiver(SECRET, clock);
  }

  private void wire(NotifyConfig config, Audience audience) {
    notifications = new Notifications(store, storage, config, audience, clock);
    dispatcher = new OutboxDispatcher(store, storage, OutboxDispatcher.channels(config, clock), config, clock,
        new SplittableRandom(3));
  }

  private NotifyConfig webhookOnly() {
    return NotifyConfig.disabled().withRetry(BACKOFF).withWebhooks(List.of(
        new WebhookConfig("ops", receiver.url(), SECRET, List.of(), Duration.ofSeconds(5))));
  }

  @AfterEach
  void close() {
    if (dispatcher != null) {
      dispatcher.close();
    }
    storage.close();
    receiver.close();
  }

  private Notification event(String kind, String campaignId) {
    return Notification.of(kind, campaignId, "Bureautique", clock.instant(), "summary of " + kind,
        Map.of("state", "RUNNING"));
  }

  private void commit(Notification... events) {
    ChangeSet changes = storage.begin();
    for (Notification n : events) {
      notifications.enqueue(changes, n);
    }
    storage.commit(changes);
  }

  @Test
  void enqueue_changeSetNotCommitted_nothingToDeliver() {
    wire(webhookOnly(), Audience.NONE);
    notifications.enqueue(storage.begin(), event("campaign.paused", "cmp-1"));

    assertThat(dispatcher.runDue()).isZero();
    assertThat(receiver.requests).isEmpty();
    assertThat(notifications.list(false, 0, 10)).isEmpty();
  }

  @Test
  void runDue_receiverRefuses400_deadLetteredAtOnceOthersFlowAndAdminRetryDelivers() {
    wire(webhookOnly(), Audience.NONE);
    receiver.status = 400;
    commit(event("campaign.paused", "cmp-1"));
    dispatcher.runDue();

    List<OutboxEntry> dead = notifications.list(true, 0, 10);
    assertThat(dead).singleElement().satisfies(e -> {
      assertThat(e.lastError()).startsWith("HTTP 400");
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.deadAt()).isEqualTo(clock.instant());
    });
    receiver.status = 200;
    commit(event("campaign.resumed", "cmp-1"));
    dispatcher.runDue();
    assertThat(receiver.acceptedKinds()).as("a dead letter does not hold the campaign's later events")
        .containsExactly("campaign.resumed");

    OutboxEntry revived = notifications.retry(dead.get(0).sequence(), "admin");
    assertThat(revived.dead()).isFalse();
    dispatcher.runDue();
    assertThat(receiver.acceptedKinds()).containsExactly("campaign.resumed", "campaign.paused");
    assertThat(receiver.accepted().get(1).eventId()).isEqualTo(dead.get(0).notification().id());
    assertThat(notifications.list(false, 0, 10)).isEmpty();
  }

  @Test
  void retry_pendingOrUnknown_refusedNamingWhy() {
    wire(webhookOnly(), Audience.NONE);
    receiver.stop();
    commit(event("campaign.paused", "cmp-1"));
    dispatcher.runDue();
    long id = notifications.list(false, 0, 10).get(0).sequence();

    assertThat(catchThrowable(() -> notifications.retry(id, "admin"))).isInstanceOfSatisfying(
        ConvoyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION));
    assertThat(catchThrowable(() -> notifications.retry(id + 100, "admin"))).isInstanceOfSatisfying(
        ConvoyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void runDue_receiverDownPastMaxAge_backsOffThenDeadLetters() {
    wire(webhookOnly(), Audience.NONE);
    receiver.stop();
    commit(event("campaign.started", "cmp-1"));
    dispatcher.runDue();
    OutboxEntry first = notifications.list(false, 0, 10).get(0);
    Duration wait = Duration.between(clock.instant(), first.nextAttemptAt());
    assertThat(wait).isBetween(BACKOFF.initial().dividedBy(2), BACKOFF.initial());

    dispatcher.runDue();
    assertThat(notifications.list(false, 0, 10).get(0).attempts()).as("not retried before its time").isEqualTo(1);
    Instant previous = first.nextAttemptAt();
    for (int attempt = 2; attempt <= 6; attempt++) {
      clock.advance(BACKOFF.max());
      dispatcher.runDue();
      OutboxEntry now = notifications.list(false, 0, 10).get(0);
      assertThat(now.attempts()).isEqualTo(attempt);
      assertThat(Duration.between(clock.instant(), now.nextAttemptAt()))
          .isBetween(BACKOFF.nominal(attempt).dividedBy(2), BACKOFF.nominal(attempt));
      assertThat(now.nextAttemptAt()).isAfter(previous);
      previous = now.nextAttemptAt();
    }
    clock.advance(BACKOFF.maxAge());
    dispatcher.runDue();

    assertThat(notifications.list(false, 0, 10)).singleElement().satisfies(e -> {
      assertThat(e.dead()).isTrue();
      assertThat(e.lastError()).contains("connect").contains("still failing after 1 h");
    });
  }

  @Test
  void runDue_twoCampaigns_oneWaitingDoesNotHoldTheOther() {
    wire(webhookOnly(), Audience.NONE);
    receiver.status = 503;
    commit(event("campaign.paused", "cmp-a"));
    dispatcher.runDue();
    receiver.status = 204;
    commit(event("campaign.resumed", "cmp-a"), event("campaign.started", "cmp-b"));
    dispatcher.runDue();

    assertThat(receiver.acceptedKinds()).containsExactly("campaign.started");
    clock.advance(BACKOFF.initial());
    dispatcher.runDue();
    assertThat(receiver.acceptedKinds()).containsExactly("campaign.started", "campaign.paused", "campaign.resumed");
  }

  @Test
  void runDue_webhookUpSmtpDown_onlyTheMailIsRetried() throws Exception {
    int smtpPort;
    try (ServerSocket reserve = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      smtpPort = reserve.getLocalPort();
    }
    SmtpConfig smtp = new SmtpConfig("127.0.0.1", smtpPort, "convoy@example.org", false, "", "",
        Duration.ofSeconds(5));
    wire(webhookOnly().withSmtp(smtp, List.of("informed@example.org")), Audience.fixed(List.of(
        "informed@example.org")));
    commit(event("campaign.completed", "cmp-1").withRecipients(List.of("Accountable@Example.ORG")));
    dispatcher.runDue();

    assertThat(receiver.acceptedKinds()).containsExactly("campaign.completed");
    assertThat(notifications.list(false, 0, 10)).extracting(e -> e.destination().toString())
        .containsExactly("mail:informed@example.org", "mail:Accountable@example.org");

    GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    try {
      clock.advance(BACKOFF.initial());
      dispatcher.runDue();
      assertThat(mail.getReceivedMessages()).hasSize(2);
      assertThat(receiver.requests).as("the webhook is not posted again").hasSize(1);
      assertThat(notifications.list(false, 0, 10)).isEmpty();
    } finally {
      mail.stop();
    }
  }

  @Test
  void enqueue_webhookKindFilter_onlyMatchingKindsGo() {
    wire(NotifyConfig.disabled().withWebhooks(List.of(new WebhookConfig("approvals", receiver.url(), SECRET,
        List.of("approval.", "ack."), null))), Audience.NONE);
    commit(event("campaign.paused", "cmp-1"), event("approval.requested", "cmp-1"), event("ack.requested", "cmp-1"));
    dispatcher.runDue();

    assertThat(receiver.acceptedKinds()).containsExactly("approval.requested", "ack.requested");
    assertThat(receiver.requests).allMatch(WebhookReceiver.Request::signatureValid);
  }
}
