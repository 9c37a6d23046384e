package dev.convoy.release;

import java.util.Objects;

/**
 * The rule that an endpoint never moves to an older version by accident: a downgrade needs both the publisher's
 * signed {@code downgrade: true} in the manifest and the caller's consent (a campaign that is an explicit
 * downgrade). A replayed old release therefore fails even though its signature is valid. Stateless and
 * thread-safe.
 */
public final class VersionPolicy {
  private VersionPolicy() {}

  /**
   * Classifies installing {@code release} over {@code installedVersion}.
   *
   * @param installedVersion the installed version of the release's package, or null when none is installed
   * @param downgradeAllowed whether the caller (campaign) explicitly allows a downgrade
   * @throws ReleaseVerificationException DOWNGRADE when the release is older and not both signed as a downgrade
   *     and allowed by the caller
   */
  public static VersionChange check(SemanticVersion installedVersion, ReleaseManifest release,
      boolean downgradeAllowed) {
    Objects.requireNonNull(release, "release");
    if (installedVersion == null) {
      return VersionChange.NEW_INSTALL;
    }
    int c = release.version().compareTo(installedVersion);
    if (c > 0) {
      return VersionChange.UPGRADE;
    }
    if (c == 0) {
      return VersionChange.SAME_VERSION;
    }
    if (release.downgrade() && downgradeAllowed) {
      return VersionChange.DOWNGRADE;
    }
    String missing = !release.downgrade() && !downgradeAllowed ? "it is not signed as a downgrade and the campaign"
        + " does not allow one" : !release.downgrade() ? "it is not signed as a downgrade (downgrade: false)"
        : "the campaign does not allow a downgrade";
    throw new ReleaseVerificationException(VerificationReason.DOWNGRADE, "version: " + release.ref()
        + " is older than the installed " + installedVersion + " and " + missing + " (expected: a version >= "
        + installedVersion + ", or a signed downgrade in a campaign that allows one)");
  }

  /** A gate for {@link ReleaseReader} that applies {@link #check} before anything is written. */
  public static ManifestGate gate(SemanticVersion installedVersion, boolean downgradeAllowed) {
    return manifest -> check(installedVersion, manifest, downgradeAllowed);
  }
}
