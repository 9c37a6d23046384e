package dev.convoy.server.notify;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The server's notification channels ({@code notify.*} in {@code server.properties}, read by
 * {@link NotifyConfigLoader}; docs/notifications.md). Immutable; {@link #disabled()} has no channel.
 *
 * @param webhooks every configured webhook, names unique
 * @param smtp the SMTP server, or empty for no e-mail
 * @param mailTo addresses that receive every event by e-mail (the default {@link Audience})
 * @param retry the backoff and dead-letter policy
 * @param pollInterval how often the dispatcher looks for due entries; default 1 s
 * @param threads destinations delivered to in parallel; default 4
 */
public record NotifyConfig(List<WebhookConfig> webhooks, Optional<SmtpConfig> smtp, List<String> mailTo,
    BackoffPolicy retry, Duration pollInterval, int threads) {
  public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
  public static final int DEFAULT_THREADS = 4;

  public NotifyConfig {
    webhooks = List.copyOf(webhooks);
    Set<String> names = new HashSet<>();
    for (WebhookConfig webhook : webhooks) {
      if (!names.add(webhook.name())) {
        throw new IllegalArgumentException("notify.webhook." + webhook.name() + ": defined twice (expected: unique"
            + " names)");
      }
    }
    Objects.requireNonNull(smtp, "smtp");
    mailTo = List.copyOf(mailTo);
    if (!mailTo.isEmpty() && smtp.isEmpty()) {
      throw new IllegalArgumentException("notify.mail.to: " + mailTo + " (expected: notify.smtp.host set to send"
          + " e-mail)");
    }
    Objects.requireNonNull(retry, "retry");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("notify.poll_interval: " + pollInterval + " (expected: > 0)");
    }
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("notify.threads: " + threads + " (expected: 1..64)");
    }
  }

  /** No channel: events are not recorded at all. */
  public static NotifyConfig disabled() {
    return new NotifyConfig(List.of(), Optional.empty(), List.of(), BackoffPolicy.DEFAULT, DEFAULT_POLL,
        DEFAULT_THREADS);
  }

  public Optional<WebhookConfig> webhook(String name) {
    return webhooks.stream().filter(w -> w.name().equals(name)).findFirst();
  }

  public NotifyConfig withWebhooks(List<WebhookConfig> newWebhooks) {
    return new NotifyConfig(newWebhooks, smtp, mailTo, retry, pollInterval, threads);
  }

  public NotifyConfig withSmtp(SmtpConfig newSmtp, List<String> newMailTo) {
    return new NotifyConfig(webhooks, Optional.of(newSmtp), newMailTo, retry, pollInterval, threads);
  }

  public NotifyConfig withRetry(BackoffPolicy newRetry) {
    return new NotifyConfig(webhooks, smtp, mailTo, newRetry, pollInterval, threads);
  }
}
