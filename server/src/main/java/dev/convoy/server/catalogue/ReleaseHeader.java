package dev.convoy.server.catalogue;

import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a publisher declares before sending a payload. Validated on construction.
 *
 * <p>For {@code format} "" (the unsigned archive payload) every field is required. For
 * {@link SignedManifest#FORMAT} name, version and installer come from the signed manifest: here they may be empty,
 * and are checked against the manifest once the file is verified; {@code archiveFormat} is ignored.
 *
 * @throws ConvoyException INVALID_ARGUMENT naming the first field that is wrong and what was expected
 */
public record ReleaseHeader(String name, String version, String installer, String archiveFormat, String sha256,
    long length, String format) {
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+._-]{0,63}");
  public static final Set<String> INSTALLERS = Set.of("archive");
  /** Installer types a signed release may name. */
  public static final Set<String> SIGNED_INSTALLERS = Set.of("archive", "script", "deb");
  public static final Set<String> ARCHIVE_FORMATS = Set.of("tar.gz", "zip");
  /** Largest payload accepted: 64 GiB. */
  public static final long MAX_LENGTH = 64L * 1024 * 1024 * 1024;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  public ReleaseHeader {
    format = format == null ? "" : format;
    if (format.isEmpty()) {
      Require.matches("name", name, NAME, "[a-z0-9][a-z0-9+._-]{0,63}");
      SemVer.parse("version", version);
      requireInstaller(installer, INSTALLERS, "archive");
      if (!ARCHIVE_FORMATS.contains(archiveFormat)) {
        throw ConvoyException.invalidArgument(
            "archive_format: '" + Require.shown(archiveFormat) + "' (expected: tar.gz or zip)");
      }
    } else if (format.equals(SignedManifest.FORMAT)) {
      name = optional(name);
      version = optional(version);
      installer = optional(installer);
      archiveFormat = "";
      if (!name.isEmpty()) {
        Require.matches("name", name, NAME, "[a-z0-9][a-z0-9+._-]{0,63}");
      }
      if (!version.isEmpty()) {
        SemVer.parse("version", version);
      }
      if (!installer.isEmpty()) {
        requireInstaller(installer, SIGNED_INSTALLERS, "archive, script or deb");
      }
    } else {
      throw ConvoyException.invalidArgument("format: '" + Require.shown(format) + "' (expected: "
          + SignedManifest.FORMAT + ", or empty for an unsigned archive payload)");
    }
    sha256 = Require.matches("sha256", sha256, SHA256, "64 hex digits").toLowerCase(Locale.ROOT);
    Require.inRange("length", length, 1, MAX_LENGTH);
  }

  /** An unsigned archive payload's header (format ""). */
  public ReleaseHeader(String name, String version, String installer, String archiveFormat, String sha256,
      long length) {
    this(name, version, installer, archiveFormat, sha256, length, "");
  }

  public boolean signed() {
    return format.equals(SignedManifest.FORMAT);
  }

  public String ref() {
    return name + "@" + version;
  }

  private static void requireInstaller(String installer, Set<String> allowed, String expected) {
    if (!allowed.contains(installer)) {
      throw ConvoyException.invalidArgument("installer: '" + Require.shown(String.valueOf(installer))
          + "' (expected: " + expected + ")");
    }
  }

  private static String optional(String value) {
    return value == null ? "" : value;
  }
}
