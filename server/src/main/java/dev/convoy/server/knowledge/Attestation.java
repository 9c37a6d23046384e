package dev.convoy.server.knowledge;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's attestation, reported by their workstation's agent, that they took a release's training item.
 *
 * @param endpointId the workstation
 * @param releaseName the package
 * @param releaseVersion its version
 * @param item the training item's title, as signed
 * @param user the local user name the agent reported
 * @param attestedAt when the user attested (the agent's clock)
 * @param recordedAt when the server recorded it (the server's clock)
 */
public record Attestation(String endpointId, String releaseName, String releaseVersion, String item, String user,
    Instant attestedAt, Instant recordedAt) {
  public Attestation {
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(releaseName, "releaseName");
    Objects.requireNonNull(releaseVersion, "releaseVersion");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(attestedAt, "attestedAt");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }
}
