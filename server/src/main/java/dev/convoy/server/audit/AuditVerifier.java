package dev.convoy.server.audit;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks the chain entry by entry, in key order: each key holds the next sequence (1, 2, 3 …), the entry names the
 * sequence of its key, links to the previous entry's hash, and carries the hash of its own canonical encoding; at
 * the end the recorded head must be the last entry. A modified entry fails its own hash; a removed one leaves a
 * gap in the sequence; reordered ones are at the wrong key or link to the wrong predecessor; a removed last entry
 * disagrees with the head. Not thread-safe: one verification, one instance.
 */
final class AuditVerifier {
  private static final HexFormat HEX = HexFormat.of();

  private long expected = 1;
  private byte[] previousHash = AuditChain.GENESIS;
  private long checked;
  private long badSequence;
  private String reason = "";

  /** @return false once a bad entry was found (the scan can stop) */
  boolean accept(AuditStore.Stored stored) {
    AuditEntry entry = stored.entry();
    if (stored.keySequence() != expected) {
      return fail(expected, "entry " + expected + " is missing (next stored key: " + stored.keySequence() + ")");
    }
    if (entry == null) {
      return fail(expected, "entry " + expected + " cannot be decoded");
    }
    if (entry.sequence() != expected) {
      return fail(expected, "key " + expected + " holds entry " + entry.sequence() + " (reordered)");
    }
    if (!Arrays.equals(entry.previousHash(), previousHash)) {
      return fail(expected, "previous hash " + abbreviated(entry.previousHash()) + " does not match entry "
          + (expected - 1) + " (" + abbreviated(previousHash) + ")");
    }
    byte[] computed = AuditChain.expectedHash(entry);
    if (!Arrays.equals(entry.hash(), computed)) {
      return fail(expected, "hash mismatch (stored " + abbreviated(entry.hash()) + ", computed " + abbreviated(computed)
          + "): the entry was modified");
    }
    previousHash = entry.hash();
    checked++;
    expected++;
    return true;
  }

  AuditVerification finish(Optional<AuditStore.Head> recorded) {
    long last = expected - 1;
    if (badSequence == 0) {
      long headSequence = recorded.map(AuditStore.Head::sequence).orElse(0L);
      byte[] headHash = recorded.map(AuditStore.Head::hash).orElse(AuditChain.GENESIS);
      if (headSequence > last) {
        fail(last + 1, "entry " + (last + 1) + " is missing (the head records " + headSequence + " entries)");
      } else if (headSequence < last || !Arrays.equals(headHash, previousHash)) {
        fail(headSequence == 0 ? 1 : headSequence, "the recorded head (" + headSequence + ", "
            + abbreviated(headHash) + ") is not the last entry (" + last + ", " + abbreviated(previousHash) + ")");
      }
    }
    boolean ok = badSequence == 0;
    return new AuditVerification(ok, checked, badSequence, reason, last, HEX.formatHex(previousHash));
  }

  private boolean fail(long sequence, String why) {
    badSequence = sequence;
    reason = why;
    return false;
  }

  private static String abbreviated(byte[] hash) {
    return HEX.formatHex(hash).substring(0, 12) + "…";
  }
}
