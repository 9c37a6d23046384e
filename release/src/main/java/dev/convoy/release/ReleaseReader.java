package dev.convoy.release;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a release file and extracts its payload in one streaming pass (release/README.md describes the checks
 * in order). The signature is verified against the trusted keys before anything is parsed beyond the signature
 * file or written anywhere; every document and payload entry is checked against the signed manifest while it
 * streams; the payload blob's length and SHA-256 are checked at its end. On any failure the destination is
 * removed and a {@link ReleaseVerificationException} says why; use the payload only once the call returned.
 *
 * <p>Thread-safe: a reader holds only immutable configuration; each call is independent.
 */
public final class ReleaseReader {
  private static final Logger logger = LoggerFactory.getLogger(ReleaseReader.class);
  private static final int BUFFER_SIZE = 64 * 1024;

  private final TrustedKeys keys;
  private final ReleaseLimits limits;

  /** A reader trusting {@code keys}, with the format's limits. */
  public ReleaseReader(TrustedKeys keys) {
    this(keys, ReleaseLimits.DEFAULTS);
  }

  /** A reader trusting {@code keys}, with tighter limits. */
  public ReleaseReader(TrustedKeys keys, ReleaseLimits limits) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Verify-only: {@link #inspect(Path)} with {@code keys}. For the server on upload.
   *
   * @throws ReleaseVerificationException why the release is refused
   * @throws IOException when the file cannot be read
   */
  public static VerifiedRelease inspect(Path releaseFile, TrustedKeys keys) throws IOException {
    return new ReleaseReader(keys).inspect(releaseFile);
  }

  /**
   * Verifies everything {@link #read} verifies — signature, manifest, documents, every archive entry, blob length
   * and hash — and writes nothing.
   *
   * @throws ReleaseVerificationException why the release is refused
   * @throws IOException when the file cannot be read
   */
  public VerifiedRelease inspect(Path releaseFile) throws IOException {
    try (InputStream in = Files.newInputStream(releaseFile)) {
      return inspect(in, ManifestGate.ACCEPT_ALL);
    }
  }

  /** {@link #inspect(Path)} over a stream (not closed here), with a gate on the authentic manifest. */
  public VerifiedRelease inspect(InputStream in, ManifestGate gate) throws IOException {
    return run(in, gate, PayloadSink.DISCARD, "inspect");
  }

  /** {@link #read(InputStream, Path, ManifestGate)} of a file, accepting every authentic manifest. */
  public VerifiedRelease read(Path releaseFile, Path destination) throws IOException {
    return read(releaseFile, destination, ManifestGate.ACCEPT_ALL);
  }

  /** {@link #read(InputStream, Path, ManifestGate)} of a file. */
  public VerifiedRelease read(Path releaseFile, Path destination, ManifestGate gate) throws IOException {
    try (InputStream in = Files.newInputStream(releaseFile)) {
      return read(in, destination, gate);
    }
  }

  /**
   * Verifies the release streaming from {@code in} (not closed here) and writes its payload to
   * {@code destination}: for a tar.gz payload a new directory holding exactly the listed entries (files 0644 or
   * 0755, directories 0755, symlinks); for a single-file payload a new file (0644). {@code gate} sees the
   * authentic manifest before anything is written, e.g. to refuse a downgrade ({@link VersionPolicy}).
   *
   * @param destination must not exist; its parent must. Removed again on any failure.
   * @return the verified release; {@link VerifiedRelease#payload()} is {@code destination}
   * @throws ReleaseVerificationException why the release is refused; nothing is left at {@code destination}
   * @throws IOException when reading the input or writing the destination fails (also cleaned up)
   * @throws IllegalArgumentException when {@code destination} already exists
   */
  public VerifiedRelease read(InputStream in, Path destination, ManifestGate gate) throws IOException {
    if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("destination: " + destination + " exists (expected: a path that does not"
          + " exist yet)");
    }
    return run(in, gate, new DestinationSink(destination), "read");
  }

  private VerifiedRelease run(InputStream in, ManifestGate gate, PayloadSink sink, String mode) throws IOException {
    Objects.requireNonNull(gate, "gate");
    ReadPass pass = new ReadPass(keys, limits, gate, sink);
    try {
      VerifiedRelease release = pass.run(new BufferedInputStream(in, BUFFER_SIZE));
      logger.info("release verified mode={} release={} signer={} sha256={} payload={}", mode,
          release.manifest().ref(), release.signer().display(), release.fileSha256(),
          release.payload().map(Path::toString).orElse("-"));
      return release;
    } catch (ReleaseVerificationException e) {
      logger.info("release refused mode={} reason={} message={}", mode, e.reason(), e.getMessage());
      throw e;
    }
  }
}
