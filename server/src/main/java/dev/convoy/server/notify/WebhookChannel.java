package dev.convoy.server.notify;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Posts events to the configured webhooks: JSON body ({@link WebhookPayload}), headers {@code Convoy-Event-Id},
 * {@code Convoy-Event-Kind}, {@code Convoy-Timestamp}, {@code Convoy-Signature} ({@link WebhookSignature}) and
 * {@code Convoy-Delivery-Attempt}. A 2xx answer is a delivery; 4xx other than 408 and 429 is a permanent refusal
 * (the receiver will not change its mind: a dead letter for an admin to look at); anything else (5xx, 408, 429,
 * redirects, timeouts, refused connections) is retried. Redirects are not followed: the signature is for the
 * configured URL. Thread-safe.
 *
 * <p>The HTTP client is built at the first delivery, not with the channel: building one loads the JDK's TLS stack
 * and trust store, a tenth of the server's start (BENCHMARKS.md, scenario 8), for webhooks that may never fire.
 */
public final class WebhookChannel implements DeliveryChannel {
  private final Map<String, WebhookConfig> webhooks;
  private final Duration connectTimeout;
  private final Clock clock;
  private HttpClient http; // guarded by this; built at the first delivery

  public WebhookChannel(Iterable<WebhookConfig> webhooks, Clock clock) {
    this.webhooks = java.util.stream.StreamSupport.stream(webhooks.spliterator(), false)
        .collect(Collectors.toUnmodifiableMap(WebhookConfig::name, Function.identity()));
    this.connectTimeout = this.webhooks.values().stream().map(WebhookConfig::timeout).min(Duration::compareTo)
        .orElse(WebhookConfig.DEFAULT_TIMEOUT);
    this.clock = clock;
  }

  /** The HTTP client, built on first use. */
  private synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }
    return http;
  }

  /** Whether a delivery has built the HTTP client yet (tests). */
  synchronized boolean clientBuilt() {
    return http != null;
  }

  @Override
  public DeliveryResult deliver(Destination destination, Notification notification, int attempt) {
    WebhookConfig webhook = webhooks.get(destination.target());
    if (webhook == null) {
      return DeliveryResult.permanent("webhook " + destination.target() + " is no longer configured");
    }
    byte[] body = WebhookPayload.json(notification).getBytes(StandardCharsets.UTF_8);
    java.time.Instant now = clock.instant();
    HttpRequest request = HttpRequest.newBuilder(webhook.url()).timeout(webhook.timeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "Convoy-Webhook/1")
        .header("Convoy-Event-Id", notification.id())
        .header("Convoy-Event-Kind", notification.kind())
        .header("Convoy-Timestamp", String.valueOf(now.getEpochSecond()))
        .header("Convoy-Delivery-Attempt", String.valueOf(attempt))
        .header(WebhookSignature.HEADER, WebhookSignature.sign(webhook.secret(), now, body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    try {
      HttpResponse<Void> response = http().send(request, HttpResponse.BodyHandlers.discarding());
      return judge(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null));
    } catch (HttpTimeoutException e) {
      return DeliveryResult.retry("timed out after " + webhook.timeout().toSeconds() + " s");
    } catch (ConnectException e) {
      return DeliveryResult.retry("cannot connect to " + webhook.url().getHost() + ":" + port(webhook)
          + " (" + (e.getMessage() == null ? "connection refused" : e.getMessage()) + ")");
    } catch (IOException e) {
      return DeliveryResult.retry("I/O error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.retry("interrupted (server stopping)");
    }
  }

  static DeliveryResult judge(int status, String retryAfter) {
    if (status >= 200 && status < 300) {
      return DeliveryResult.delivered();
    }
    String detail = "HTTP " + status;
    if (status >= 400 && status < 500 && status != 408 && status != 429) {
      return DeliveryResult.permanent(detail + " (the receiver refused the event)");
    }
    Duration after = null;
    if (retryAfter != null && retryAfter.strip().matches("\\d{1,7}")) {
      after = Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
    }
    return DeliveryResult.retryAfter(detail, after);
  }

  private static int port(WebhookConfig webhook) {
    int port = webhook.url().getPort();
    return port >= 0 ? port : "https".equals(webhook.url().getScheme()) ? 443 : 80;
  }
}
