package dev.convoy.installers.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The archive formats the archive backend reads. */
public enum ArchiveFormat {
  TAR_GZ("tar.gz"), TAR("tar"), ZIP("zip");

  private final String parameterName;

  ArchiveFormat(String parameterName) {
    this.parameterName = parameterName;
  }

  /** The name used in the release's {@code format} parameter. */
  public String parameterName() {
    return parameterName;
  }

  /**
   * Parses a {@code format} parameter: {@code tar.gz} (or {@code tgz}), {@code tar}, {@code zip}; case-insensitive.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static ArchiveFormat fromParameter(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("tgz")) {
      return TAR_GZ;
    }
    return Arrays.stream(values()).filter(f -> f.parameterName.equals(v)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "parameter format: '" + value + "' (expected: tar.gz, tgz, tar or zip)"));
  }

  /**
   * Guesses the format from the file's first bytes: gzip magic, a ZIP local or end-of-directory header, or a
   * POSIX/GNU tar header ("ustar" at offset 257).
   *
   * @return empty when no known magic matches
   * @throws IOException when the file cannot be read
   */
  public static Optional<ArchiveFormat> sniff(Path archive) throws IOException {
    byte[] head = new byte[262];
    int n;
    try (InputStream in = Files.newInputStream(archive)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return Optional.of(TAR_GZ);
    }
    boolean zipHeader = n >= 4 && head[0] == 'P' && head[1] == 'K'
        && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6)); // local header, or empty archive
    if (zipHeader) {
      return Optional.of(ZIP);
    }
    if (n >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
      return Optional.of(TAR);
    }
    return Optional.empty();
  }
}
