package dev.convoy.server.catalogue;

import dev.convoy.server.error.ConvoyException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One immutable version of a package, content-addressed by the SHA-256 of its payload.
 *
 * @param chunkSha256 hex SHA-256 of each {@code chunkSize}-byte chunk in order (the last may be shorter), so that
 *     downloads can be verified and resumed chunk by chunk
 * @param publishedBy certificate subject of the person who published it
 * @param signed for a signed release file ({@link SignedManifest#FORMAT}) what its verified manifest says; empty
 *     for an unsigned archive payload that a server before the signed format stored ({@link #unsigned()}: listed,
 *     never installed)
 */
public record Release(String name, String version, String installer, String archiveFormat, String sha256,
    long length, int chunkSize, List<String> chunkSha256, Instant publishedAt, String publishedBy,
    Optional<SignedManifest> signed) {

  public Release {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(publishedAt, "publishedAt");
    chunkSha256 = List.copyOf(chunkSha256);
    Objects.requireNonNull(signed, "signed");
  }

  /** An unsigned release (format "") as a server before the signed format stored it; this server makes none. */
  public Release(String name, String version, String installer, String archiveFormat, String sha256, long length,
      int chunkSize, List<String> chunkSha256, Instant publishedAt, String publishedBy) {
    this(name, version, installer, archiveFormat, sha256, length, chunkSize, chunkSha256, publishedAt, publishedBy,
        Optional.empty());
  }

  /** {@code name@version}, how people and messages name a release. */
  public String ref() {
    return name + "@" + version;
  }

  /**
   * Whether it is an unsigned archive payload stored by a server before the signed format: uploads of those were
   * retired, and agents install only signed releases, so it is listed but never offered for installing.
   */
  public boolean unsigned() {
    return signed.isEmpty();
  }

  /**
   * This release, if agents may install it.
   *
   * @throws ConvoyException FAILED_PRECONDITION naming the release if it is {@link #unsigned()}
   */
  public Release requireSigned() {
    if (unsigned()) {
      throw ConvoyException.failedPrecondition("release " + ref() + ": unsigned (retired): agents install only"
          + " releases signed by a trusted publisher key (expected: a signed release, published with"
          + " 'convoy release publish')");
    }
    return this;
  }

  /** {@link SignedManifest#FORMAT} for a signed release file, "" for an unsigned payload. */
  public String format() {
    return signed.isPresent() ? SignedManifest.FORMAT : "";
  }

  /** Whether its signed manifest allows it to replace a newer version (never for unsigned releases). */
  public boolean allowsDowngrade() {
    return signed.map(SignedManifest::downgrade).orElse(false);
  }

  /** Its dependencies, conflicts, superseded packages and OS requirements ({@link PackageRelations#NONE} unsigned). */
  public PackageRelations relations() {
    return signed.map(SignedManifest::relations).orElse(PackageRelations.NONE);
  }

  /** Number of chunks of the payload. */
  public long chunkCount() {
    return (length + chunkSize - 1) / chunkSize;
  }
}
