package dev.convoy.agent.deployment;

import dev.convoy.release.ManifestGate;
import dev.convoy.release.ReleaseReader;
import dev.convoy.release.ReleaseVerificationException;
import dev.convoy.release.SemanticVersion;
import dev.convoy.release.VerificationReason;
import dev.convoy.release.VerifiedRelease;
import dev.convoy.release.VersionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a downloaded signed release file and extracts its payload, in the release reader's one streaming pass:
 * signature against the deployment's trusted keys, then the manifest, every document and payload entry. Before
 * anything is written the authentic manifest must be the release the deployment names (name, version, installer
 * type) and pass the downgrade rule ({@link VersionPolicy}: an older version needs the publisher's signed
 * {@code downgrade} and the campaign's consent). Afterwards the signer and manifest hash must be the ones the
 * server saw on upload, when it sent them. Stateless and thread-safe.
 */
final class SignedRelease {
  private static final Logger logger = LoggerFactory.getLogger(SignedRelease.class);
  /** Where the verified payload goes in the deployment's work directory (a directory, or the single file). */
  static final String STAGED_NAME = "release-payload";

  private SignedRelease() {}

  /**
   * Verifies {@code releaseFile} and writes its payload to {@code workDir/}{@value #STAGED_NAME} (anything left
   * there by an earlier attempt is removed first).
   *
   * @param installedVersion the version installed now (detection), or null when none
   * @return the verified release; its payload is the staged directory (tar.gz) or file
   * @throws ReleaseVerificationException why the release is refused; nothing is left at the staging path
   * @throws IOException when the file cannot be read or the staging path written (also cleaned up)
   */
  static VerifiedRelease verify(DeploymentSpec spec, Path releaseFile, Path workDir, String installedVersion)
      throws IOException {
    Path staged = workDir.resolve(STAGED_NAME);
    delete(staged);
    Files.createDirectories(workDir);
    Release release = spec.release();
    SemanticVersion installed = parse(spec, installedVersion);
    ManifestGate gate = manifest -> {
      expect("name", manifest.name(), release.name());
      expect("version", manifest.version().toString(), release.version());
      expect("installer", manifest.installer().type(), release.installer());
      VersionPolicy.check(installed, manifest, spec.allowDowngrade());
    };
    VerifiedRelease verified = new ReleaseReader(spec.keys()).read(releaseFile, staged, gate);
    try {
      expectIfSent("signer key", verified.signer().hex(), release.signerKeyId());
      expectIfSent("manifest sha256", verified.manifestSha256(), release.manifestSha256());
    } catch (ReleaseVerificationException e) {
      delete(staged);
      throw e;
    }
    logger.info("release verified deployment={} signer={} manifest_sha256={}", spec.deploymentId(),
        verified.signer().hex(), verified.manifestSha256());
    return verified;
  }

  private static SemanticVersion parse(DeploymentSpec spec, String installedVersion) {
    if (installedVersion == null) {
      return null;
    }
    try {
      return SemanticVersion.parse(installedVersion);
    } catch (IllegalArgumentException e) {
      // Installed outside Convoy with a version that is not semver (e.g. a Debian "1:2.0-1"): not comparable.
      logger.warn("installed version not comparable deployment={} installed=\"{}\" (downgrade check skipped)",
          spec.deploymentId(), installedVersion);
      return null;
    }
  }

  private static void expect(String field, String actual, String expected) {
    if (!actual.equals(expected)) {
      throw new ReleaseVerificationException(VerificationReason.UNEXPECTED_RELEASE, "manifest " + field + ": '"
          + actual + "' (expected: '" + expected + "', the release this deployment names)");
    }
  }

  private static void expectIfSent(String field, String actual, String sent) {
    if (!sent.isEmpty() && !sent.equals(actual)) {
      throw new ReleaseVerificationException(VerificationReason.UNEXPECTED_RELEASE, field + ": " + actual
          + " (expected: " + sent + ", as the server verified on upload)");
    }
  }

  /** Removes the staging path (file or tree, links not followed); absent is fine. */
  static void delete(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
