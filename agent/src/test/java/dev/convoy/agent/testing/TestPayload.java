package dev.convoy.agent.testing;

import dev.convoy.agent.deployment.Release;
import dev.convoy.agent.download.PayloadSpec;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** A payload with its manifest (whole and per-chunk SHA-256), as a publisher would declare it. */
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

  public Release release(String name, String version, String installer) {
    return new Release(name, version, installer, sha256, bytes.length, chunkSize, chunkSha256, "tar.gz");
  }

  public dev.convoy.protocol.v1.Release proto(String name, String version, String installer) {
    return dev.convoy.protocol.v1.Release.newBuilder()
        .setName(name).setVersion(version).setInstaller(installer).setSha256(sha256).setLength(bytes.length)
        .setChunkSize(chunkSize).addAllChunkSha256(chunkSha256).setArchiveFormat("tar.gz").build();
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
