package dev.convoy.cli.release;

import dev.convoy.cli.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed release file to publish, with its SHA-256 and length as the upload header declares them.
 *
 * @param sha256 lowercase hex of the whole file
 */
public record Payload(Path file, String sha256, long length) {

  public Payload {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
  }

  /**
   * A signed release file as is: its SHA-256 and length, for {@link ReleaseUploader#upload}.
   *
   * @throws UsageException if {@code file} is not a regular file
   * @throws IOException if it cannot be read
   */
  public static Payload releaseFile(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("FILE: " + file + " does not exist (expected: a release file, e.g. from"
          + " convoy release build)");
    }
    MessageDigest digest = newDigest();
    long length;
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      length = in.transferTo(OutputStream.nullOutputStream());
    }
    return new Payload(file, HexFormat.of().formatHex(digest.digest()), length);
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
