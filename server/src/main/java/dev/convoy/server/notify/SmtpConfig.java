package dev.convoy.server.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * The SMTP server e-mail goes through. Immutable; {@link #toString()} never shows the password.
 *
 * @param host SMTP server host
 * @param port its port; default 587 with STARTTLS, 25 without
 * @param from the envelope and header sender, e.g. {@code convoy@example.org}
 * @param startTls require STARTTLS (the connection fails rather than send in clear text); default true
 * @param username for SMTP AUTH, or "" for none
 * @param password for SMTP AUTH (read from a file, never written in server.properties itself); "" for none
 * @param timeout connect, read and write timeout; default 20 s
 */
public record SmtpConfig(String host, int port, String from, boolean startTls, String username, String password,
    Duration timeout) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  public SmtpConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("notify.smtp.host: empty (expected: the SMTP server's host name)");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("notify.smtp.port: " + port + " (expected: 1..65535)");
    }
    if (from == null || !from.matches("[^@\\s]+@[^@\\s]+")) {
      throw new IllegalArgumentException("notify.smtp.from: " + from + " (expected: an e-mail address)");
    }
    username = Objects.requireNonNullElse(username, "");
    password = Objects.requireNonNullElse(password, "");
    timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
  }

  public boolean authenticates() {
    return !username.isEmpty();
  }

  @Override
  public String toString() {
    return "SmtpConfig[host=" + host + ", port=" + port + ", from=" + from + ", startTls=" + startTls + ", username="
        + username + ", password=" + (password.isEmpty() ? "(none)" : "(set)") + ", timeout=" + timeout + "]";
  }
}
