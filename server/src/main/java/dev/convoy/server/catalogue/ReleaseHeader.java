package dev.convoy.server.catalogue;

import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a publisher declares before sending a payload. Validated on construction.
 *
 * @throws ConvoyException INVALID_ARGUMENT naming the first field that is wrong and what was expected
 */
public record ReleaseHeader(String name, String version, String installer, String archiveFormat, String sha256,
    long length) {
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+._-]{0,63}");
  public static final Set<String> INSTALLERS = Set.of("archive");
  public static final Set<String> ARCHIVE_FORMATS = Set.of("tar.gz", "zip");
  /** Largest payload accepted: 64 GiB. */
  public static final long MAX_LENGTH = 64L * 1024 * 1024 * 1024;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  public ReleaseHeader {
    Require.matches("name", name, NAME, "[a-z0-9][a-z0-9+._-]{0,63}");
    SemVer.parse("version", version);
    if (!INSTALLERS.contains(installer)) {
      throw ConvoyException.invalidArgument("installer: '" + Require.shown(installer) + "' (expected: archive)");
    }
    if (!ARCHIVE_FORMATS.contains(archiveFormat)) {
      throw ConvoyException.invalidArgument(
          "archive_format: '" + Require.shown(archiveFormat) + "' (expected: tar.gz or zip)");
    }
    sha256 = Require.matches("sha256", sha256, SHA256, "64 hex digits").toLowerCase(Locale.ROOT);
    Require.inRange("length", length, 1, MAX_LENGTH);
  }

  public String ref() {
    return name + "@" + version;
  }
}
