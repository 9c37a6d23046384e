package dev.convoy.agent.testing;

import dev.convoy.agent.download.PayloadSpec;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Bytes to download with what the server declares of them (whole and per-chunk SHA-256); for a release, the signed
 * release file ({@link TestRelease}).
 */
public record TestPayload(byte[] bytes, int chunkSize, String sha256, List<String> chunkSha256) {
  /** {@code length} deterministic pseudo-random bytes in chunks of {@code chunkSize}. */
  public static TestPayload random(int length, int chunkSize, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return of(bytes, chunkSize);
  }

  public static TestPayload of(byte[] bytes, int chunkSize) {
    List<String> chunks = new ArrayList<>();
    for (int offset = 0; offset < bytes.length; offset += chunkSize) {
      chunks.add(sha256(Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + chunkSize))));
    }
    return new TestPayload(bytes.clone(), chunkSize, sha256(bytes), chunks);
  }

  public int length() {
    return bytes.length;
  }

  public PayloadSpec spec() {
    return new PayloadSpec(sha256, bytes.length, chunkSize, chunkSha256);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
