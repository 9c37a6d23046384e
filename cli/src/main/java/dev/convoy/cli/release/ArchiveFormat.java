package dev.convoy.cli.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;

/** The archive formats the archive installer takes, by their wire name ({@code PublishHeader.archive_format}). */
public enum ArchiveFormat {
  TAR_GZ("tar.gz"),
  ZIP("zip");

  private final String wireName;

  ArchiveFormat(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** {@code tar.gz} (also {@code tgz}) or {@code zip}. @throws IllegalArgumentException naming the expected forms */
  public static ArchiveFormat parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "tar.gz", "tgz" -> TAR_GZ;
      case "zip" -> ZIP;
      default -> throw new IllegalArgumentException("'" + text + "' (expected: tar.gz or zip)");
    };
  }

  /**
   * The format of an archive file, from its name ({@code .tar.gz}, {@code .tgz}, {@code .zip}) or else from its
   * first bytes (gzip or zip magic).
   */
  public static Optional<ArchiveFormat> detect(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
      return Optional.of(TAR_GZ);
    }
    if (name.endsWith(".zip")) {
      return Optional.of(ZIP);
    }
    byte[] magic;
    try (InputStream in = Files.newInputStream(file)) {
      magic = in.readNBytes(4);
    }
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return Optional.of(TAR_GZ);
    }
    if (Arrays.equals(magic, new byte[] {'P', 'K', 3, 4})) {
      return Optional.of(ZIP);
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }

  /** picocli converter for {@code --format}. */
  public static final class Converter implements CommandLine.ITypeConverter<ArchiveFormat> {
    @Override
    public ArchiveFormat convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
