package dev.convoy.server.notify;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code notify.*} keys of {@code server.properties} into a {@link NotifyConfig} (docs/notifications.md).
 * Secret files are read relative to the data directory. An unknown {@code notify.} key is an error, so that a typo
 * cannot silently disable a channel. Messages name the key and never show a secret. Stateless.
 */
public final class NotifyConfigLoader {
  private static final Pattern WEBHOOK_KEY = Pattern.compile("notify\\.webhook\\.([^.]+)\\.([a-z_]+)");
  private static final Set<String> WEBHOOK_FIELDS = Set.of("url", "secret", "secret_file", "kinds", "timeout");
  private static final Set<String> KEYS = Set.of("notify.smtp.host", "notify.smtp.port", "notify.smtp.from",
      "notify.smtp.starttls", "notify.smtp.username", "notify.smtp.password_file", "notify.smtp.timeout",
      "notify.mail.to", "notify.retry.initial", "notify.retry.max", "notify.retry.max_age", "notify.poll_interval",
      "notify.threads");
  private static final Pattern DURATION = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private NotifyConfigLoader() {}

  /**
   * The configuration in {@code propertiesFile} (none if it does not exist).
   *
   * @throws IllegalArgumentException naming the key for a malformed value, an unreadable secret file or an unknown
   *     {@code notify.} key
   */
  public static NotifyConfig load(Path propertiesFile) {
    if (!Files.exists(propertiesFile)) {
      return NotifyConfig.disabled();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException(propertiesFile + ": cannot read (" + e.getMessage() + ")", e);
    }
    Path base = propertiesFile.toAbsolutePath().getParent();
    try {
      return parse(properties, base);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(propertiesFile + ": " + e.getMessage(), e);
    }
  }

  /** The configuration the {@code notify.*} entries of {@code properties} describe; files relative to {@code base}. */
  public static NotifyConfig parse(Properties properties, Path base) {
    Set<String> webhookNames = new TreeSet<>();
    for (String key : properties.stringPropertyNames()) {
      if (!key.startsWith("notify.")) {
        continue;
      }
      Matcher m = WEBHOOK_KEY.matcher(key);
      if (m.matches() && WEBHOOK_FIELDS.contains(m.group(2))) {
        webhookNames.add(m.group(1));
      } else if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(key + ": unknown key (expected: one of " + new TreeSet<>(KEYS)
            + " or notify.webhook.NAME." + new TreeSet<>(WEBHOOK_FIELDS) + ")");
      }
    }
    List<WebhookConfig> webhooks = new ArrayList<>();
    for (String name : webhookNames) {
      webhooks.add(webhook(properties, base, name));
    }
    NotifyConfig config = NotifyConfig.disabled().withWebhooks(webhooks);
    BackoffPolicy d = BackoffPolicy.DEFAULT;
    config = config.withRetry(new BackoffPolicy(duration(properties, "notify.retry.initial", d.initial()),
        duration(properties, "notify.retry.max", d.max()), duration(properties, "notify.retry.max_age", d.maxAge())));
    config = new NotifyConfig(config.webhooks(), config.smtp(), config.mailTo(), config.retry(),
        duration(properties, "notify.poll_interval", NotifyConfig.DEFAULT_POLL),
        integer(properties, "notify.threads", NotifyConfig.DEFAULT_THREADS));
    List<String> mailTo = list(properties.getProperty("notify.mail.to", ""));
    mailTo.forEach(a -> address("notify.mail.to", a));
    if (properties.getProperty("notify.smtp.host") != null) {
      return config.withSmtp(smtp(properties, base), mailTo);
    }
    return new NotifyConfig(config.webhooks(), config.smtp(), mailTo, config.retry(), config.pollInterval(),
        config.threads());
  }

  private static WebhookConfig webhook(Properties properties, Path base, String name) {
    String prefix = "notify.webhook." + name + ".";
    String url = properties.getProperty(prefix + "url");
    if (url == null) {
      throw new IllegalArgumentException(prefix + "url: missing (expected: the receiver's http(s) URL)");
    }
    String inline = properties.getProperty(prefix + "secret");
    String file = properties.getProperty(prefix + "secret_file");
    if ((inline == null) == (file == null)) {
      throw new IllegalArgumentException(prefix + "secret_file / " + prefix + "secret: "
          + (inline == null ? "neither set" : "both set") + " (expected: exactly one; prefer secret_file)");
    }
    byte[] secret = inline != null ? inline.strip().getBytes(StandardCharsets.UTF_8)
        : readSecret(prefix + "secret_file", base, file).getBytes(StandardCharsets.UTF_8);
    try {
      return new WebhookConfig(name, new URI(url.strip()), secret, list(properties.getProperty(prefix + "kinds", "")),
          duration(properties, prefix + "timeout", WebhookConfig.DEFAULT_TIMEOUT));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(prefix + "url: " + url + " (expected: a URL; " + e.getReason() + ")", e);
    }
  }

  private static SmtpConfig smtp(Properties properties, Path base) {
    boolean startTls = bool(properties, "notify.smtp.starttls", true);
    String passwordFile = properties.getProperty("notify.smtp.password_file");
    String password = passwordFile == null ? "" : readSecret("notify.smtp.password_file", base, passwordFile);
    return new SmtpConfig(properties.getProperty("notify.smtp.host").strip(),
        integer(properties, "notify.smtp.port", startTls ? 587 : 25),
        properties.getProperty("notify.smtp.from", "").strip(), startTls,
        properties.getProperty("notify.smtp.username", "").strip(), password,
        duration(properties, "notify.smtp.timeout", SmtpConfig.DEFAULT_TIMEOUT));
  }

  /** The file's content without surrounding white space; the message names the key and the file, never the content. */
  private static String readSecret(String key, Path base, String file) {
    Path path = base.resolve(file.strip());
    try {
      String secret = Files.readString(path, StandardCharsets.UTF_8).strip();
      if (secret.isEmpty()) {
        throw new IllegalArgumentException(key + ": " + path + " is empty (expected: the secret)");
      }
      return secret;
    } catch (IOException e) {
      throw new IllegalArgumentException(key + ": cannot read " + path + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  static String address(String key, String address) {
    if (!address.matches("[^@\\s,]+@[^@\\s,]+")) {
      throw new IllegalArgumentException(key + ": " + address + " (expected: an e-mail address)");
    }
    return address;
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static boolean bool(Properties properties, String key, boolean fallback) {
    String value = properties.getProperty(key);
    if (value == null) {
      return fallback;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "on", "yes" -> true;
      case "false", "off", "no" -> false;
      default -> throw new IllegalArgumentException(key + ": " + value + " (expected: true or false)");
    };
  }

  private static int integer(Properties properties, String key, int fallback) {
    String value = properties.getProperty(key);
    try {
      return value == null ? fallback : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": " + value + " (expected: an integer)", e);
    }
  }

  /** {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 3d}, or ISO-8601 {@code PT30S}. */
  static Duration duration(Properties properties, String key, Duration fallback) {
    String value = properties.getProperty(key);
    if (value == null) {
      return fallback;
    }
    String text = value.strip();
    Matcher m = DURATION.matcher(text);
    if (!text.isEmpty() && m.matches()) {
      return Duration.ofDays(part(m, 1)).plusHours(part(m, 2)).plusMinutes(part(m, 3)).plusSeconds(part(m, 4));
    }
    try {
      return Duration.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(key + ": " + value + " (expected: a duration such as 30s, 5m, 1h30m or 3d)",
          e);
    }
  }

  private static long part(Matcher m, int group) {
    return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
  }
}
