package dev.convoy.release;

/**
 * Caps a reader applies on top of the format's own limits, e.g. an agent that knows how much disk it may use.
 * Exceeding one is TOO_LARGE, decided from the signed manifest before any payload byte is written.
 *
 * @param maxPayloadBytes largest payload blob, 1 to {@link ReleaseFormat#MAX_PAYLOAD_BYTES}; default the maximum
 * @param maxUnpackedBytes largest unpacked size, 0 to {@link ReleaseFormat#MAX_UNPACKED_BYTES}; default the maximum
 * @param maxEntries most archive entries, 1 to {@link ReleaseFormat#MAX_PAYLOAD_ENTRIES}; default the maximum
 */
public record ReleaseLimits(long maxPayloadBytes, long maxUnpackedBytes, int maxEntries) {
  /** The format's own limits. */
  public static final ReleaseLimits DEFAULTS = new ReleaseLimits(ReleaseFormat.MAX_PAYLOAD_BYTES,
      ReleaseFormat.MAX_UNPACKED_BYTES, ReleaseFormat.MAX_PAYLOAD_ENTRIES);

  /** @throws IllegalArgumentException naming the limit that is out of range */
  public ReleaseLimits {
    Text.range("maxPayloadBytes", maxPayloadBytes, 1, ReleaseFormat.MAX_PAYLOAD_BYTES);
    Text.range("maxUnpackedBytes", maxUnpackedBytes, 0, ReleaseFormat.MAX_UNPACKED_BYTES);
    Text.range("maxEntries", maxEntries, 1, ReleaseFormat.MAX_PAYLOAD_ENTRIES);
  }

  /** @throws ReleaseVerificationException TOO_LARGE naming the limit the manifest exceeds */
  void check(ReleaseManifest manifest) {
    PayloadSpec payload = manifest.payload();
    if (payload.length() > maxPayloadBytes) {
      throw tooLarge("payload.length: " + payload.length() + " bytes (expected: at most " + maxPayloadBytes + ")");
    }
    if (manifest.unpackedSize() > maxUnpackedBytes) {
      throw tooLarge("unpacked_size: " + manifest.unpackedSize() + " bytes (expected: at most " + maxUnpackedBytes
          + ")");
    }
    if (payload.entries().size() > maxEntries) {
      throw tooLarge("payload.entries: " + payload.entries().size() + " (expected: at most " + maxEntries + ")");
    }
  }

  private static ReleaseVerificationException tooLarge(String message) {
    return new ReleaseVerificationException(VerificationReason.TOO_LARGE, "manifest.json: " + message);
  }
}
