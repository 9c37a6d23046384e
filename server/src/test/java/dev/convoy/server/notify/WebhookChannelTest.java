package dev.convoy.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.testing.MutableClock;
import dev.convoy.server.testing.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook channel against a loopback receiver. */
class WebhookChannelTest {
  private static final byte[] SECRET = "a-webhook-secret-of-32-bytes-ok!".getBytes(StandardCharsets.UTF_8);
  private final MutableClock clock = new MutableClock(Instant.parse("2027-03-01T10:00:00Z"));
  private WebhookReceiver receiver;

  @AfterEach
  void close() {
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void deliver_firstDelivery_buildsTheHttpClientOnlyThen() throws Exception {
    receiver = new WebhookReceiver(SECRET, clock);
    WebhookChannel channel = new WebhookChannel(List.of(
        new WebhookConfig("ops", receiver.url(), SECRET, List.of(), Duration.ofSeconds(5))), clock);
    assertThat(channel.clientBuilt()).as("a channel that never delivers builds no HTTP client").isFalse();

    DeliveryResult result = channel.deliver(Destination.webhook("ops"), Notification.of("campaign.paused",
        "cmp-1", "Bureautique", clock.instant(), "paused", Map.of("state", "PAUSED")), 1);

    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
    assertThat(channel.clientBuilt()).isTrue();
    assertThat(receiver.acceptedKinds()).containsExactly("campaign.paused");
  }

  @Test
  void deliver_unknownWebhook_permanentWithoutBuildingAClient() {
    WebhookChannel channel = new WebhookChannel(List.of(), clock);

    DeliveryResult result = channel.deliver(Destination.webhook("gone"), Notification.of("campaign.paused",
        "cmp-1", "Bureautique", clock.instant(), "paused", Map.of()), 1);

    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT);
    assertThat(channel.clientBuilt()).isFalse();
  }
}
