package dev.convoy.agent.documents;

import dev.convoy.release.TrustedKeys;

/**
 * A signed release on this workstation: installed by this agent, or offered to it by an active deployment.
 *
 * @param name the package
 * @param version its version
 * @param sha256 the release file's SHA-256 (names the downloaded file, if it is still here)
 * @param manifestSha256 the signed manifest's SHA-256 as the server verified it
 * @param keys the publisher keys the server sent with the deployment: documents are verified against them
 * @param installed true when installed, false when only offered
 */
public record WorkstationRelease(String name, String version, String sha256, String manifestSha256,
    TrustedKeys keys, boolean installed) {
  /** {@code name@version}. */
  public String ref() {
    return name + "@" + version;
  }
}
