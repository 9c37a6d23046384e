package dev.convoy.cli.release;

import dev.convoy.cli.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The bytes of a release to publish: an archive file with its format, SHA-256 and length. A directory is packed
 * into a temporary tar.gz first ({@link DeterministicTarGz}), deleted again by {@link #close()}.
 *
 * @param sha256 lowercase hex of the whole file
 */
public record Payload(Path file, ArchiveFormat format, String sha256, long length, boolean temporary)
    implements AutoCloseable {

  public Payload {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sha256, "sha256");
  }

  /**
   * The payload for {@code path}: an archive file as is, or a directory packed as tar.gz.
   *
   * @param requested {@code --format}, if given
   * @throws UsageException if {@code path} does not exist, its format cannot be told, or a directory is asked to
   *     be packed as zip
   * @throws IOException if reading or packing fails
   */
  public static Payload of(Path path, Optional<ArchiveFormat> requested) throws IOException {
    if (Files.isDirectory(path)) {
      if (requested.isPresent() && requested.get() != ArchiveFormat.TAR_GZ) {
        throw new UsageException("--format " + requested.get() + ": a directory is packed as tar.gz"
            + " (expected: --format tar.gz, or a .zip file as PATH)");
      }
      Path packed = Files.createTempFile("convoy-publish-", ".tar.gz");
      try {
        DeterministicTarGz.pack(path, packed);
        return describe(packed, ArchiveFormat.TAR_GZ, true);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(packed);
        throw e;
      }
    }
    if (!Files.isRegularFile(path)) {
      throw new UsageException("PATH: " + path + " does not exist (expected: a .tar.gz or .zip file, or a directory)");
    }
    ArchiveFormat format = requested.or(() -> detect(path)).orElseThrow(() -> new UsageException(
        "PATH: cannot tell the archive format of " + path + " (expected: a .tar.gz or .zip file, or --format)"));
    return describe(path, format, false);
  }

  private static Optional<ArchiveFormat> detect(Path path) {
    try {
      return ArchiveFormat.detect(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A signed release file as is: its SHA-256 and length, for {@link ReleaseUploader#uploadSigned}. The archive
   * format is {@code tar.gz}, unused for signed releases (the manifest describes the payload).
   *
   * @throws UsageException if {@code file} is not a regular file
   */
  public static Payload releaseFile(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("FILE: " + file + " does not exist (expected: a release file, e.g. from"
          + " convoy release build)");
    }
    return describe(file, ArchiveFormat.TAR_GZ, false);
  }

  private static Payload describe(Path file, ArchiveFormat format, boolean temporary) throws IOException {
    MessageDigest digest = newDigest();
    long length;
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      length = in.transferTo(OutputStream.nullOutputStream());
    }
    return new Payload(file, format, HexFormat.of().formatHex(digest.digest()), length, temporary);
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** Deletes the file if this payload packed it. */
  @Override
  public void close() throws IOException {
    if (temporary) {
      Files.deleteIfExists(file);
    }
  }
}
