package dev.convoy.server.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;

/**
 * The canonical encoding and hash of audit entries. The encoding is fixed here, not left to a serialisation
 * library, so that the same entry hashes the same forever: a version tag, the sequence (8 bytes big-endian), the
 * time (epoch seconds, 8 bytes, and nanos, 4 bytes), actor, action and target (each a 4-byte length and UTF-8), the
 * detail count then each key and value the same way in key order, and the 32-byte previous hash. Every field is
 * length-prefixed, so no two different entries encode alike. Stateless and thread-safe.
 */
public final class AuditChain {
  /** The previous hash of the first entry. */
  public static final byte[] GENESIS = new byte[32];
  private static final String VERSION = "convoy-audit-v1";

  private AuditChain() {}

  /** The entry that follows {@code previousHash} at {@code sequence}, with its hash computed. */
  public static AuditEntry link(long sequence, Instant time, AuditEvent event, byte[] previousHash) {
    return new AuditEntry(sequence, time, event, previousHash,
        sha256(canonical(sequence, time, event, previousHash)));
  }

  /** The hash {@code entry} should carry given its other fields. */
  public static byte[] expectedHash(AuditEntry entry) {
    return sha256(canonical(entry));
  }

  public static byte[] canonical(AuditEntry entry) {
    return canonical(entry.sequence(), entry.time(), entry.event(), entry.previousHash());
  }

  private static byte[] canonical(long sequence, Instant time, AuditEvent event, byte[] previousHash) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      DataOutputStream out = new DataOutputStream(bytes);
      text(out, VERSION);
      out.writeLong(sequence);
      out.writeLong(time.getEpochSecond());
      out.writeInt(time.getNano());
      text(out, event.actor());
      text(out, event.action());
      text(out, event.target());
      out.writeInt(event.details().size());
      for (Map.Entry<String, String> detail : event.details().entrySet()) {
        text(out, detail.getKey());
        text(out, detail.getValue());
      }
      out.writeInt(previousHash.length);
      out.write(previousHash);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
  }

  private static void text(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
