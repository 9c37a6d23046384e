package dev.convoy.server.governance;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's signature on a campaign: an approval, an acknowledgement, a Consulted waiver or a notice override.
 * Immutable.
 *
 * @param person who signed (person name)
 * @param subject for a Consulted waiver, the person waived; else ""
 * @param comment the comment, or the justification of an override
 * @param contentHash the campaign's content hash it is bound to ({@link ContentHash})
 */
public record Signature(String person, String subject, Instant at, String comment, String contentHash) {
  public Signature {
    Objects.requireNonNull(person, "person");
    subject = Objects.requireNonNullElse(subject, "");
    Objects.requireNonNull(at, "at");
    comment = Objects.requireNonNullElse(comment, "");
    Objects.requireNonNull(contentHash, "contentHash");
  }

  /** Whether it was given for the content whose hash is {@code hash}. */
  public boolean covers(String hash) {
    return contentHash.equals(hash);
  }
}
