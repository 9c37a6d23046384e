package dev.convoy.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.campaign.plan.CampaignPlan;
import dev.convoy.server.campaign.plan.DeferralPolicy;
import dev.convoy.server.campaign.plan.ErrorAction;
import dev.convoy.server.campaign.plan.NoticeSpec;
import dev.convoy.server.campaign.plan.RetryPolicy;
import dev.convoy.server.campaign.plan.Threshold;
import dev.convoy.server.campaign.plan.Timeouts;
import dev.convoy.server.campaign.plan.WaveSpec;
import dev.convoy.server.notify.Audience;
import dev.convoy.server.notify.BackoffPolicy;
import dev.convoy.server.notify.CampaignNotifier;
import dev.convoy.server.notify.Notifications;
import dev.convoy.server.notify.NotifyConfig;
import dev.convoy.server.notify.OutboxDispatcher;
import dev.convoy.server.notify.OutboxEntry;
import dev.convoy.server.notify.WebhookConfig;
import dev.convoy.server.storage.rocksdb.RocksOutboxStore;
import dev.convoy.server.testing.MutableClock;
import dev.convoy.server.testing.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, must-hold 4: a webhook receiver (a real HTTP server on loopback) gets every state change of a real
 * campaign exactly once, in order, each with a valid signature — also the changes made while it was down and across
 * a restart of the server's store.
 */
class CampaignNotificationsTest {
  private static final byte[] SECRET = "whsec-test-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final List<String> LIFE = List.of("campaign.created", "campaign.scheduled", "campaign.started",
      "campaign.wave_advanced", "campaign.paused", "campaign.resumed", "campaign.completed");
  private static final BackoffPolicy BACKOFF = new BackoffPolicy(Duration.ofSeconds(30), Duration.ofMinutes(10),
      Duration.ofDays(3));

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2027-06-07T08:00:00Z"));
  private CampaignFixture f;
  private WebhookReceiver receiver;
  private Notifications notifications;
  private OutboxDispatcher dispatcher;
  private final List<SimulatedAgent> agents = new ArrayList<>();

  @BeforeEach
  void open() throws Exception {
    receiver = new WebhookReceiver(SECRET, clock);
    f = new CampaignFixture(dir, clock);
    f.release("1.0.0");
    for (int i = 0; i < 4; i++) {
      String id = String.format("ep-%016x", 0xe00 + i);
      f.endpoint(id, i < 2 ? "pilot" : "lab");
    }
    wire();
  }

  /** What ServerComponents does: the outbox over this store, fed by the engine, delivered to the receiver. */
  private void wire() {
    NotifyConfig config = NotifyConfig.disabled().withRetry(BACKOFF).withWebhooks(List.of(
        new WebhookConfig("ops", receiver.url(), SECRET, List.of("campaign."), Duration.ofSeconds(5))));
    RocksOutboxStore store = new RocksOutboxStore(f.storage);
    notifications = new Notifications(store, f.storage, config, Audience.NONE, clock);
    f.events.observeTransitions(new CampaignNotifier(notifications, clock));
    dispatcher = new OutboxDispatcher(store, f.storage, OutboxDispatcher.channels(config, clock), config, clock,
        new SplittableRandom(7));
    agents.clear();
    for (int i = 0; i < 4; i++) {
      agents.add(new SimulatedAgent(String.format("ep-%016x", 0xe00 + i), f.deployments, clock));
    }
  }

  private void restart() throws Exception {
    dispatcher.close();
    f.reopen();
    wire();
  }

  @AfterEach
  void close() {
    dispatcher.close();
    f.close();
    receiver.close();
  }

  /** Created, then scheduled for an hour later. */
  private Campaign scheduled() {
    WaveSpec pilot = new WaveSpec("pilot", List.of("pilot"), 0, Threshold.percentOf(100), Threshold.count(1), 1,
        Duration.ZERO, false);
    WaveSpec rest = new WaveSpec("rest", List.of(), 100, Threshold.percentOf(100), Threshold.count(1), 1,
        Duration.ZERO, false);
    CampaignPlan plan = new CampaignPlan(clock.instant().plus(Duration.ofHours(1)), List.of(), NoticeSpec.none(),
        DeferralPolicy.none(), null, List.of(pilot, rest), ErrorAction.PAUSE, Timeouts.none(), RetryPolicy.none(),
        true, "");
    Campaign draft = f.campaigns.create(new NewCampaign("hello", "1.0.0",
        new Targets(false, List.of("pilot", "lab"), List.of()), "Mise à jour du bureau", Delivery.PUSH,
        Rollout.PHASED, Execution.AUTOMATIC, "alice", DeploymentAction.INSTALL, false, plan));
    return f.campaigns.start(draft.id());
  }

  private void startByClock() {
    clock.advance(Duration.ofHours(1));
    f.scheduler.tick();
  }

  /** The pilot's two endpoints install; the campaign widens to the rest. */
  private void pilotSucceeds() {
    for (int i = 0; i < 3; i++) {
      agents.subList(0, 2).forEach(SimulatedAgent::step);
      f.scheduler.tick();
    }
  }

  private void everyoneSucceeds() {
    for (int i = 0; i < 3; i++) {
      agents.forEach(SimulatedAgent::step);
      f.scheduler.tick();
    }
  }

  @Test
  void campaignLife_receiverUp_everyChangeArrivesOnceInOrderSigned() {
    Campaign campaign = scheduled();
    dispatcher.runDue();
    startByClock();
    dispatcher.runDue();
    pilotSucceeds();
    dispatcher.runDue();
    f.commands.pause(campaign.id(), "bob", "imprimantes à vérifier");
    dispatcher.runDue();
    f.commands.resume(campaign.id(), "bob", "");
    everyoneSucceeds();
    dispatcher.runDue();

    assertThat(f.campaigns.require(campaign.id()).state()).isEqualTo(CampaignState.COMPLETED);
    assertThat(receiver.requests).allMatch(WebhookReceiver.Request::signatureValid);
    assertThat(receiver.acceptedKinds()).containsExactlyElementsOf(LIFE);
    assertThat(receiver.accepted()).extracting(WebhookReceiver.Request::eventId).doesNotHaveDuplicates();
    assertThat(receiver.accepted().get(4).body()).contains("\"campaign\":{\"id\":\"" + campaign.id()
        + "\",\"title\":\"Mise à jour du bureau\"}").contains("paused by bob: imprimantes à vérifier");
    assertThat(receiver.accepted().get(3).body()).contains("\"from_wave\":\"pilot\",\"to_wave\":\"rest\"");
    assertThat(notifications.list(false, 0, 100)).as("the outbox is empty once delivered").isEmpty();
  }

  @Test
  void campaignLife_receiverDownAndServerRestarted_nothingLostNothingRepeated() throws Exception {
    Campaign campaign = scheduled();
    dispatcher.runDue();
    assertThat(receiver.acceptedKinds()).containsExactly("campaign.created", "campaign.scheduled");

    receiver.stop();
    startByClock();
    dispatcher.runDue(); // connection refused: campaign.started waits for its backoff
    pilotSucceeds();
    dispatcher.runDue();
    List<OutboxEntry> waiting = notifications.list(false, 0, 100);
    assertThat(waiting).extracting(e -> e.notification().kind())
        .containsExactly("campaign.started", "campaign.wave_advanced");
    assertThat(waiting.get(0).attempts()).isPositive();
    assertThat(waiting.get(0).lastError()).isNotEmpty();
    assertThat(waiting.get(1).attempts()).as("later events of the campaign wait behind the first").isZero();

    restart(); // the server stops with undelivered events; the pause happens after the restart
    f.commands.pause(campaign.id(), "bob", "");
    receiver.start();
    dispatcher.runDue();
    assertThat(receiver.acceptedKinds()).as("nothing before the backoff is over").hasSize(2);

    clock.advance(BACKOFF.max());
    dispatcher.runDue();
    f.commands.resume(campaign.id(), "bob", "");
    everyoneSucceeds();
    dispatcher.runDue();

    assertThat(f.campaigns.require(campaign.id()).state()).isEqualTo(CampaignState.COMPLETED);
    assertThat(receiver.requests).allMatch(WebhookReceiver.Request::signatureValid);
    assertThat(receiver.acceptedKinds()).containsExactlyElementsOf(LIFE);
    assertThat(receiver.accepted()).extracting(WebhookReceiver.Request::eventId).doesNotHaveDuplicates();
    assertThat(notifications.list(false, 0, 100)).isEmpty();
  }

  @Test
  void changeNotCommitted_noNotification() {
    Campaign campaign = scheduled();
    dispatcher.runDue();
    int before = receiver.requests.size();
    try {
      f.commands.advance(campaign.id(), "bob", ""); // SCHEDULED: refused before anything is committed
    } catch (RuntimeException expected) {
      // refused
    }
    f.events.observeTransitions((changes, b, a) -> {
      throw new IllegalStateException("outbox unavailable");
    });
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> f.commands.cancel(campaign.id(), "bob", "")))
        .hasMessageContaining("outbox unavailable");
    dispatcher.runDue();

    assertThat(receiver.requests).hasSize(before);
    assertThat(f.campaigns.require(campaign.id()).state()).as("a change whose records fail is not committed")
        .isEqualTo(CampaignState.SCHEDULED);
  }
}
