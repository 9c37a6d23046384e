package dev.convoy.server.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One entry of the audit log as stored: the event, its place in the chain and the hashes that link it.
 * {@code hash} is SHA-256 over {@link AuditChain#canonical(AuditEntry)} (which covers {@code previousHash});
 * the first entry's {@code previousHash} is 32 zero bytes. Immutable (the arrays are copied in and out).
 */
public record AuditEntry(long sequence, Instant time, AuditEvent event, byte[] previousHash, byte[] hash) {
  public AuditEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(event, "event");
    previousHash = previousHash.clone();
    hash = hash.clone();
  }

  @Override
  public byte[] previousHash() {
    return previousHash.clone();
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  public String previousHashHex() {
    return HexFormat.of().formatHex(previousHash);
  }

  public String hashHex() {
    return HexFormat.of().formatHex(hash);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AuditEntry e && e.sequence == sequence && e.time.equals(time) && e.event.equals(event)
        && Arrays.equals(e.previousHash, previousHash) && Arrays.equals(e.hash, hash);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(sequence) * 31 + Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "AuditEntry[" + sequence + " " + time + " " + event + " hash=" + hashHex() + "]";
  }
}
