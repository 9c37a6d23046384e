package dev.convoy.server.inventory;

import dev.convoy.server.inventory.query.Path;
import java.util.List;

/**
 * Limits and retention of the inventory registry (docs/inventory.md "Reports"). Immutable; {@link #defaults()} gives
 * the documented defaults.
 *
 * @param maxReportBytes largest serialized report accepted (RESOURCE_EXHAUSTED above it); default 4 MiB. The gRPC
 *     inbound message limit is kept above it so that such a report gets this clear answer, not a transport error
 * @param maxFacts most facts in one report and in one endpoint's inventory; default 50,000
 * @param maxPathChars longest fact path, in characters; default 512
 * @param maxTextBytes longest text value, in UTF-8 bytes; default 4 KiB
 * @param maxHistoryPerEndpoint history records kept per endpoint, oldest dropped first; default 10,000
 * @param historyIgnored path patterns (query paths, {@code [*]} for any one key or position) whose changes are kept
 *     current but not written to history, because they change at every report; default {@code os.uptime_s},
 *     {@code filesystems[*].free_bytes}
 */
public record InventoryConfig(int maxReportBytes, int maxFacts, int maxPathChars, int maxTextBytes,
    int maxHistoryPerEndpoint, List<String> historyIgnored) {
  public static final int DEFAULT_MAX_REPORT_BYTES = 4 * 1024 * 1024;
  public static final int DEFAULT_MAX_FACTS = 50_000;
  public static final int DEFAULT_MAX_PATH_CHARS = 512;
  public static final int DEFAULT_MAX_TEXT_BYTES = 4 * 1024;
  public static final int DEFAULT_MAX_HISTORY = 10_000;
  public static final List<String> DEFAULT_HISTORY_IGNORED = List.of("os.uptime_s", "filesystems[*].free_bytes");

  /** @throws IllegalArgumentException naming a limit below 1 or a pattern that is not a path */
  public InventoryConfig {
    positive("maxReportBytes", maxReportBytes);
    positive("maxFacts", maxFacts);
    positive("maxPathChars", maxPathChars);
    positive("maxTextBytes", maxTextBytes);
    positive("maxHistoryPerEndpoint", maxHistoryPerEndpoint);
    historyIgnored = List.copyOf(historyIgnored);
    historyIgnored.forEach(Path::parse);
  }

  public static InventoryConfig defaults() {
    return new InventoryConfig(DEFAULT_MAX_REPORT_BYTES, DEFAULT_MAX_FACTS, DEFAULT_MAX_PATH_CHARS,
        DEFAULT_MAX_TEXT_BYTES, DEFAULT_MAX_HISTORY, DEFAULT_HISTORY_IGNORED);
  }

  public InventoryConfig withMaxReportBytes(int bytes) {
    return new InventoryConfig(bytes, maxFacts, maxPathChars, maxTextBytes, maxHistoryPerEndpoint, historyIgnored);
  }

  public InventoryConfig withMaxFacts(int facts) {
    return new InventoryConfig(maxReportBytes, facts, maxPathChars, maxTextBytes, maxHistoryPerEndpoint,
        historyIgnored);
  }

  public InventoryConfig withMaxHistoryPerEndpoint(int records) {
    return new InventoryConfig(maxReportBytes, maxFacts, maxPathChars, maxTextBytes, records, historyIgnored);
  }

  /** {@link #historyIgnored} parsed. */
  public List<Path> historyIgnoredPaths() {
    return historyIgnored.stream().map(Path::parse).toList();
  }

  private static void positive(String field, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(field + ": " + value + " (expected: >= 1)");
    }
  }
}
