package dev.convoy.release;

/**
 * A caller's decision on an authentic manifest, made after the signature verified and before any payload byte
 * is written: e.g. {@code m -> VersionPolicy.check(installed, m, campaignAllowsDowngrade)}, or a check that the
 * manifest is the release the campaign names. Implementations refuse by throwing
 * {@link ReleaseVerificationException} (DOWNGRADE, UNEXPECTED_RELEASE ...).
 */
@FunctionalInterface
public interface ManifestGate {
  /** Accepts every authentic manifest. */
  ManifestGate ACCEPT_ALL = manifest -> { };

  /** @throws ReleaseVerificationException to refuse the release */
  void check(ReleaseManifest manifest);
}
