package dev.convoy.agent.download;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a payload must be, from the release manifest: its whole SHA-256 and length, and the SHA-256 of each
 * {@code chunkSize} chunk (the last one may be shorter). The downloader accepts nothing that disagrees.
 *
 * @param sha256 lowercase hex SHA-256 of the whole payload (also its file name in the downloads directory)
 * @param length payload length in bytes, >= 0
 * @param chunkSize bytes per chunk, > 0
 * @param chunkSha256 lowercase hex SHA-256 of each chunk, {@code ceil(length / chunkSize)} of them
 */
public record PayloadSpec(String sha256, long length, int chunkSize, List<String> chunkSha256) {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /** @throws IllegalArgumentException naming the field that is malformed and what was expected */
  public PayloadSpec {
    if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
      throw new IllegalArgumentException("release sha256: '" + sha256 + "' (expected: 64 lowercase hex digits)");
    }
    if (length < 0) {
      throw new IllegalArgumentException("release length: " + length + " (expected: >= 0)");
    }
    if (chunkSize <= 0) {
      throw new IllegalArgumentException("release chunk_size: " + chunkSize + " (expected: > 0)");
    }
    chunkSha256 = List.copyOf(chunkSha256);
    long expectedChunks = (length + chunkSize - 1) / chunkSize;
    if (chunkSha256.size() != expectedChunks) {
      throw new IllegalArgumentException("release chunk_sha256: " + chunkSha256.size() + " entries (expected: "
          + expectedChunks + " for length " + length + " and chunk_size " + chunkSize + ")");
    }
    for (int i = 0; i < chunkSha256.size(); i++) {
      if (!SHA256_HEX.matcher(chunkSha256.get(i)).matches()) {
        throw new IllegalArgumentException("release chunk_sha256[" + i + "]: '" + chunkSha256.get(i)
            + "' (expected: 64 lowercase hex digits)");
      }
    }
  }

  /** Number of chunks. */
  public int chunkCount() {
    return chunkSha256.size();
  }

  /** The size of chunk {@code index}: {@code chunkSize}, or the remainder for the last one. */
  public int chunkLength(int index) {
    long start = (long) index * chunkSize;
    return (int) Math.min(chunkSize, length - start);
  }
}
