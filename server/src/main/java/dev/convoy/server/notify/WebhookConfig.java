package dev.convoy.server.notify;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One webhook the server posts every event to (or those whose kind starts with one of {@code kinds}). Immutable.
 * {@link #toString()} never shows the secret.
 *
 * @param name short name, the destination's id ({@code webhook:NAME}); letters, digits, {@code -_.}
 * @param url http or https URL receiving POSTs
 * @param secret HMAC-SHA256 key for the {@code Convoy-Signature} header (at least 16 bytes)
 * @param kinds kind prefixes to send (e.g. {@code campaign.}, {@code approval.requested}); empty: every kind
 * @param timeout how long one POST may take (connect and answer); default 10 s
 */
public record WebhookConfig(String name, URI url, byte[] secret, List<String> kinds, Duration timeout) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final int MIN_SECRET_BYTES = 16;

  public WebhookConfig {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException("notify.webhook name: " + name
          + " (expected: 1-64 letters, digits, '.', '_' or '-')");
    }
    Objects.requireNonNull(url, "url");
    if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
      throw new IllegalArgumentException("notify.webhook." + name + ".url: " + url
          + " (expected: an http:// or https:// URL with a host)");
    }
    if (secret == null || secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("notify.webhook." + name + ".secret: " + (secret == null ? 0 : secret.length)
          + " bytes (expected: >= " + MIN_SECRET_BYTES + ")");
    }
    secret = secret.clone();
    kinds = List.copyOf(kinds);
    timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  /** Whether events of {@code kind} go to this webhook. */
  public boolean accepts(String kind) {
    return kinds.isEmpty() || kinds.stream().anyMatch(kind::startsWith);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookConfig w && name.equals(w.name) && url.equals(w.url)
        && java.security.MessageDigest.isEqual(secret, w.secret) && kinds.equals(w.kinds) && timeout.equals(w.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, url, kinds, timeout);
  }

  @Override
  public String toString() {
    return "WebhookConfig[name=" + name + ", url=" + url + ", secret=(" + secret.length + " bytes), kinds=" + kinds
        + ", timeout=" + timeout + "]";
  }
}
