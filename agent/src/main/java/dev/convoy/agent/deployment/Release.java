package dev.convoy.agent.deployment;

import dev.convoy.agent.download.PayloadSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One immutable release as the desired state describes it (the agent's mirror of {@code convoy.v1.Release}).
 * Values are kept as received; {@link #payloadSpec()} validates what the downloader relies on. The payload of a
 * release the agent installs is a signed release file ({@link #signed()}): everything that matters is taken from its
 * verified manifest, and the fields here only have to agree with it. Any other format (the walking skeleton's
 * unsigned archive, {@code ""}, which a server may still describe for an uninstall) is never installed
 * ({@link #installRefusal()}).
 *
 * @param archiveFormat for the archive installer: {@code tar.gz} or {@code zip}; empty when not applicable
 * @param format {@value #SIGNED_FORMAT} for a signed release file; anything else is refused for installing
 * @param signerKeyId hex key id of the publisher key the server saw sign it; empty when unsigned
 * @param installerParameters the installer parameters the server read from the signed manifest (used only before
 *     the download, e.g. for detection; the install uses the verified manifest's)
 * @param manifestSha256 SHA-256 of the signed manifest the server verified; empty when unsigned
 * @param downgrade whether the manifest is signed as an allowed downgrade
 * @param relations dependencies, conflicts, superseded packages and OS requirements ({@link Relations#NONE})
 */
public record Release(String name, String version, String installer, String sha256, long length, int chunkSize,
    List<String> chunkSha256, String archiveFormat, String format, String signerKeyId,
    Map<String, String> installerParameters, String manifestSha256, boolean downgrade, Relations relations) {
  /** {@link #format()} of a signed release file (release/README.md). */
  public static final String SIGNED_FORMAT = "convoy-release";

  public Release {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(installer, "installer");
    Objects.requireNonNull(sha256, "sha256");
    chunkSha256 = List.copyOf(chunkSha256);
    archiveFormat = archiveFormat == null ? "" : archiveFormat;
    format = format == null ? "" : format;
    signerKeyId = signerKeyId == null ? "" : signerKeyId;
    installerParameters = installerParameters == null ? Map.of() : Map.copyOf(installerParameters);
    manifestSha256 = manifestSha256 == null ? "" : manifestSha256;
    relations = relations == null ? Relations.NONE : relations;
  }

  /** A release without relations. */
  public Release(String name, String version, String installer, String sha256, long length, int chunkSize,
      List<String> chunkSha256, String archiveFormat, String format, String signerKeyId,
      Map<String, String> installerParameters, String manifestSha256, boolean downgrade) {
    this(name, version, installer, sha256, length, chunkSize, chunkSha256, archiveFormat, format, signerKeyId,
        installerParameters, manifestSha256, downgrade, Relations.NONE);
  }

  /** Whether the payload is a signed release file the agent must verify before installing anything. */
  public boolean signed() {
    return format.equals(SIGNED_FORMAT);
  }

  /**
   * What the payload must be.
   *
   * @throws IllegalArgumentException if the manifest is malformed, naming the field
   */
  public PayloadSpec payloadSpec() {
    return new PayloadSpec(sha256, length, chunkSize, chunkSha256);
  }

  /**
   * Why this release must not be installed, when its payload is not a signed release file: without a publisher's
   * signature there is nothing to verify, so nothing of it is downloaded, extracted or run.
   *
   * @return the reason naming the format and the expected one; empty for a signed release
   */
  public java.util.Optional<String> installRefusal() {
    if (signed()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("release format: '" + format + "' (expected: '" + SIGNED_FORMAT + "'; this agent"
        + " installs only releases signed by a trusted publisher key, unsigned releases were retired)");
  }

  /** This release's version as a semantic version, or null when it is not one. */
  public dev.convoy.release.SemanticVersion semanticVersion() {
    try {
      return dev.convoy.release.SemanticVersion.parse(version);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code name@version}, for logs. */
  public String coordinates() {
    return name + "@" + version;
  }
}
