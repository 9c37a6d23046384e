package dev.convoy.agent.config;

import dev.convoy.agent.deployment.SiteParameters;
import dev.convoy.agent.storage.PropertiesFile;
import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.ServerAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The agent's configuration, read from and written to {@code DIR/agent.properties}. Enrollment writes the first
 * four keys; the rest have defaults and may be edited by hand.
 *
 * @param dataDir the data directory (not stored: it is where the file lives)
 * @param server {@code server=HOST:PORT}
 * @param endpointId {@code endpoint_id=ep-...}, chosen by the server at enrollment
 * @param caFingerprint {@code ca_fingerprint=SHA256:...}, pinned at enrollment
 * @param group {@code group=...}, from the enrollment token (informational)
 * @param downloadRateLimit {@code download_rate_limit} in bytes per second, 0 = unlimited (default 0)
 * @param backoffInitial {@code backoff_initial}, ISO-8601 duration, the first reconnect ceiling (default PT1S)
 * @param backoffMax {@code backoff_max}, the largest reconnect ceiling (default PT60S)
 * @param pingInterval {@code ping_interval}, time between session pings (default PT60S)
 * @param inventoryOnConnect {@code inventory_on_connect}, send an inventory report on every connect (default true)
 * @param inventoryInterval {@code inventory_interval}, the mean time between scheduled inventory reports, each
 *     period drawn within ± 25 % (default PT4H)
 * @param factsTimeout {@code facts_timeout}, how long one facts.d script may run (default PT10S)
 * @param siteParameters {@code installer.<type>.<param>=value}: installer parameters this endpoint sets for
 *     itself (see {@link SiteParameters}; default none)
 */
public record AgentConfig(DataDir dataDir, ServerAddress server, String endpointId, Fingerprint caFingerprint,
    String group, long downloadRateLimit, Duration backoffInitial, Duration backoffMax, Duration pingInterval,
    boolean inventoryOnConnect, Duration inventoryInterval, Duration factsTimeout, SiteParameters siteParameters) {
  public static final long UNLIMITED = 0;
  public static final Duration DEFAULT_BACKOFF_INITIAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(60);
  public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(60);
  public static final Duration DEFAULT_INVENTORY_INTERVAL = Duration.ofHours(4);
  public static final Duration DEFAULT_FACTS_TIMEOUT = Duration.ofSeconds(10);

  public AgentConfig {
    siteParameters = siteParameters == null ? SiteParameters.NONE : siteParameters;
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(caFingerprint, "ca_fingerprint");
    if (endpointId == null || endpointId.isBlank()) {
      throw new IllegalArgumentException("endpoint_id: empty (expected: the id given at enrollment)");
    }
    group = group == null ? "" : group;
    if (downloadRateLimit < 0) {
      throw new IllegalArgumentException("download_rate_limit: " + downloadRateLimit + " (expected: >= 0, 0 = unlimited)");
    }
    requirePositive("backoff_initial", backoffInitial);
    requirePositive("ping_interval", pingInterval);
    requirePositive("inventory_interval", inventoryInterval);
    requirePositive("facts_timeout", factsTimeout);
    if (backoffMax.compareTo(backoffInitial) < 0) {
      throw new IllegalArgumentException("backoff_max: " + backoffMax + " (expected: >= backoff_initial " + backoffInitial + ")");
    }
  }

  /** A configuration without site parameters for installers. */
  public AgentConfig(DataDir dataDir, ServerAddress server, String endpointId, Fingerprint caFingerprint,
      String group, long downloadRateLimit, Duration backoffInitial, Duration backoffMax, Duration pingInterval,
      boolean inventoryOnConnect, Duration inventoryInterval, Duration factsTimeout) {
    this(dataDir, server, endpointId, caFingerprint, group, downloadRateLimit, backoffInitial, backoffMax,
        pingInterval, inventoryOnConnect, inventoryInterval, factsTimeout, SiteParameters.NONE);
  }

  /** A freshly enrolled agent's configuration: the given identity facts, every tuning key at its default. */
  public static AgentConfig enrolled(DataDir dataDir, ServerAddress server, String endpointId, Fingerprint ca, String group) {
    return new AgentConfig(dataDir, server, endpointId, ca, group, UNLIMITED, DEFAULT_BACKOFF_INITIAL,
        DEFAULT_BACKOFF_MAX, DEFAULT_PING_INTERVAL, true, DEFAULT_INVENTORY_INTERVAL, DEFAULT_FACTS_TIMEOUT);
  }

  /** Whether {@code dataDir} holds an agent.properties (written last by enrollment: its commit point). */
  public static boolean exists(DataDir dataDir) {
    return Files.isRegularFile(dataDir.properties());
  }

  /**
   * Reads {@code DIR/agent.properties}.
   *
   * @throws IllegalArgumentException if it is missing or a value is malformed, naming the key and what was expected
   */
  public static AgentConfig load(DataDir dataDir) {
    if (!exists(dataDir)) {
      throw new IllegalArgumentException(dataDir.root() + " is not enrolled (no agent.properties; run 'convoy-agent enroll' first)");
    }
    Map<String, String> values;
    try {
      values = PropertiesFile.read(dataDir.properties());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + dataDir.properties() + ": " + e.getMessage(), e);
    }
    return new AgentConfig(dataDir, ServerAddress.parse(required(values, "server")), required(values, "endpoint_id"),
        Fingerprint.parse(required(values, "ca_fingerprint")), values.getOrDefault("group", ""),
        parseLong(values, "download_rate_limit", UNLIMITED),
        parseDuration(values, "backoff_initial", DEFAULT_BACKOFF_INITIAL),
        parseDuration(values, "backoff_max", DEFAULT_BACKOFF_MAX),
        parseDuration(values, "ping_interval", DEFAULT_PING_INTERVAL),
        Boolean.parseBoolean(values.getOrDefault("inventory_on_connect", "true")),
        parseDuration(values, "inventory_interval", DEFAULT_INVENTORY_INTERVAL),
        parseDuration(values, "facts_timeout", DEFAULT_FACTS_TIMEOUT), SiteParameters.fromProperties(values));
  }

  /** Writes {@code DIR/agent.properties} atomically (temp file, fsync, rename, fsync directory). */
  public void save() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("server", server.toString());
    values.put("endpoint_id", endpointId);
    values.put("ca_fingerprint", caFingerprint.toString());
    values.put("group", group);
    values.put("download_rate_limit", Long.toString(downloadRateLimit));
    values.put("backoff_initial", backoffInitial.toString());
    values.put("backoff_max", backoffMax.toString());
    values.put("ping_interval", pingInterval.toString());
    values.put("inventory_on_connect", Boolean.toString(inventoryOnConnect));
    values.put("inventory_interval", inventoryInterval.toString());
    values.put("facts_timeout", factsTimeout.toString());
    values.putAll(siteParameters.toProperties());
    try {
      PropertiesFile.write(dataDir.properties(), "Convoy agent configuration (see agent/README.md)", values);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dataDir.properties() + ": " + e.getMessage(), e);
    }
  }

  /** This configuration with another download rate limit (the hidden {@code run --download-rate-limit}). */
  public AgentConfig withDownloadRateLimit(long bytesPerSecond) {
    return new AgentConfig(dataDir, server, endpointId, caFingerprint, group, bytesPerSecond, backoffInitial,
        backoffMax, pingInterval, inventoryOnConnect, inventoryInterval, factsTimeout, siteParameters);
  }

  private static String required(Map<String, String> values, String key) {
    String value = values.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("agent.properties: " + key + " is missing (expected: written by enrollment)");
    }
    return value.trim();
  }

  private static long parseLong(Map<String, String> values, String key, long fallback) {
    String value = values.get(key);
    try {
      return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("agent.properties: " + key + "='" + value + "' (expected: an integer)");
    }
  }

  private static Duration parseDuration(Map<String, String> values, String key, Duration fallback) {
    String value = values.get(key);
    try {
      return value == null || value.isBlank() ? fallback : Duration.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("agent.properties: " + key + "='" + value + "' (expected: an ISO-8601 duration such as PT30S)");
    }
  }

  private static void requirePositive(String key, Duration value) {
    Objects.requireNonNull(value, key);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + ": " + value + " (expected: > 0)");
    }
  }
}
