package dev.convoy.server.catalogue;

import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a publisher declares before sending a signed release file ({@link SignedManifest#FORMAT}). Validated on
 * construction.
 *
 * <p>Name, version and installer come from the signed manifest: here they may be empty, and are checked against
 * the manifest once the file is verified; {@code archiveFormat} is ignored. The walking skeleton's unsigned archive
 * upload (format "") was retired: the server accepts only signed release files, so that nothing reaches an agent
 * without a publisher's signature.
 *
 * @throws ConvoyException INVALID_ARGUMENT naming the first field that is wrong and what was expected
 */
public record ReleaseHeader(String name, String version, String installer, String archiveFormat, String sha256,
    long length, String format) {
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+._-]{0,63}");
  /** Installer types a signed release may name. */
  public static final Set<String> SIGNED_INSTALLERS = Set.of("archive", "script", "deb");
  /** Largest payload accepted: 64 GiB. */
  public static final long MAX_LENGTH = 64L * 1024 * 1024 * 1024;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  public ReleaseHeader {
    format = optional(format);
    if (!format.equals(SignedManifest.FORMAT)) {
      throw ConvoyException.invalidArgument("format: '" + Require.shown(format) + "' (expected: "
          + SignedManifest.FORMAT + "; unsigned uploads were retired, use 'convoy release publish')");
    }
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
    if (!installer.isEmpty() && !SIGNED_INSTALLERS.contains(installer)) {
      throw ConvoyException.invalidArgument("installer: '" + Require.shown(installer)
          + "' (expected: archive, script or deb)");
    }
    sha256 = Require.matches("sha256", sha256, SHA256, "64 hex digits").toLowerCase(Locale.ROOT);
    Require.inRange("length", length, 1, MAX_LENGTH);
  }

  /** The header of a signed release file: name, version and installer left to its manifest. */
  public static ReleaseHeader signedFile(String sha256, long length) {
    return new ReleaseHeader("", "", "", "", sha256, length, SignedManifest.FORMAT);
  }

  public String ref() {
    return name + "@" + version;
  }

  private static String optional(String value) {
    return value == null ? "" : value;
  }
}
