package dev.convoy.agent.training;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's attestation that they took a release's training item, as journaled on this workstation.
 *
 * @param releaseName the package
 * @param releaseVersion its version
 * @param item the training item's title, as signed
 * @param user the local user who attested
 * @param attestedAt when
 * @param acknowledged whether the server acknowledged it (until then it is reported again)
 */
public record Attestation(String releaseName, String releaseVersion, String item, String user, Instant attestedAt,
    boolean acknowledged) {
  public Attestation {
    Objects.requireNonNull(releaseName, "releaseName");
    Objects.requireNonNull(releaseVersion, "releaseVersion");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(attestedAt, "attestedAt");
  }

  /** Identifies the attestation (the server's idempotency key): release, item, user. */
  public String key() {
    return releaseName + "@" + releaseVersion + "\n" + item + "\n" + user;
  }

  Attestation acknowledge() {
    return new Attestation(releaseName, releaseVersion, item, user, attestedAt, true);
  }
}
