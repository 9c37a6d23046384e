package dev.convoy.installers.archive;

import dev.convoy.installers.InstallContext;
import java.util.Map;

/**
 * Caps that stop decompression bombs while extracting, enforced as bytes are written.
 *
 * @param maxBytes most bytes of file content written in total (default 1 GiB)
 * @param maxEntries most archive entries, directories and links included (default 100,000)
 * @param maxRatio most bytes written per compressed byte read, overall (default 200)
 * @param ratioGraceBytes bytes that may be written before the ratio is enforced (default 1 MiB), so small,
 *     highly compressible archives (a text file of spaces) are not refused
 */
public record ExtractionLimits(long maxBytes, long maxEntries, long maxRatio, long ratioGraceBytes) {
  public static final long DEFAULT_MAX_BYTES = 1L << 30;
  public static final long DEFAULT_MAX_ENTRIES = 100_000;
  public static final long DEFAULT_MAX_RATIO = 200;
  public static final long DEFAULT_RATIO_GRACE_BYTES = 1L << 20;

  public ExtractionLimits {
    requirePositive("maxBytes", maxBytes);
    requirePositive("maxEntries", maxEntries);
    requirePositive("maxRatio", maxRatio);
    if (ratioGraceBytes < 0) {
      throw new IllegalArgumentException("ratioGraceBytes: " + ratioGraceBytes + " (expected: >= 0)");
    }
  }

  /** The defaults listed above. */
  public static ExtractionLimits defaults() {
    return new ExtractionLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_RATIO, DEFAULT_RATIO_GRACE_BYTES);
  }

  /**
   * The limits for one install: parameters {@code maxBytes}, {@code maxEntries}, {@code maxRatio} override the
   * defaults; a positive {@link InstallContext#expectedSize()} caps the bytes further (the smaller cap wins).
   *
   * @throws IllegalArgumentException when a parameter is not a positive integer, naming it
   */
  public static ExtractionLimits from(InstallContext context) {
    Map<String, String> p = context.parameters();
    long maxBytes = parse(p, "maxBytes", DEFAULT_MAX_BYTES);
    if (context.expectedSize() > 0) {
      maxBytes = Math.min(maxBytes, context.expectedSize());
    }
    return new ExtractionLimits(maxBytes, parse(p, "maxEntries", DEFAULT_MAX_ENTRIES),
        parse(p, "maxRatio", DEFAULT_MAX_RATIO), DEFAULT_RATIO_GRACE_BYTES);
  }

  private static long parse(Map<String, String> parameters, String name, long fallback) {
    String value = parameters.get(name);
    if (value == null) {
      return fallback;
    }
    long parsed;
    try {
      parsed = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      parsed = 0;
    }
    if (parsed < 1) {
      throw new IllegalArgumentException("parameter " + name + ": '" + value + "' (expected: an integer >= 1)");
    }
    return parsed;
  }

  private static void requirePositive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: >= 1)");
    }
  }
}
