package dev.convoy.release;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The signed description of one release: what it is, how to install it, what its payload holds to the byte,
 * and its documents. Immutable and validated on construction; {@link #encode()} gives the exact canonical JSON
 * bytes that are signed (release/README.md defines the format).
 *
 * @param formatVersion {@link ReleaseFormat#FORMAT_VERSION}
 * @param name package name, {@link #NAME_PATTERN}
 * @param version this release's version
 * @param installer backend and parameters
 * @param payload the payload blob and, for archives, every entry inside it
 * @param unpackedSize bytes the payload occupies once unpacked: the sum of file lengths for archives, the blob
 *     length for single files; extraction never writes more
 * @param detection how to tell the release is already installed
 * @param dependencies packages that must be installed first, at most 256
 * @param conflicts packages that must not be installed alongside, at most 256
 * @param supersedes releases this one replaces (installing it counts as an upgrade of them), at most 256
 * @param osRequirements minimum OS facts the endpoint must report, e.g. {@code os.family=debian},
 *     {@code os.version=>=12}; keys {@code [A-Za-z0-9._-]{1,64}}, values 1 to 256 characters; at most 64
 * @param downgrade whether the publisher signed this release as an allowed downgrade
 * @param documents release notes, user documentation, runbook, KB articles, training
 */
public record ReleaseManifest(int formatVersion, String name, SemanticVersion version, InstallerSpec installer,
    PayloadSpec payload, long unpackedSize, Optional<DetectionRule> detection, List<PackageConstraint> dependencies,
    List<PackageConstraint> conflicts, List<PackageConstraint> supersedes, Map<String, String> osRequirements,
    boolean downgrade, ReleaseDocuments documents) {
  /** Package names: lowercase, as the server's catalogue spells them. */
  public static final Pattern NAME_PATTERN = Pattern.compile("[a-z0-9][a-z0-9+._-]{0,63}");
  static final String NAME_RULE = "[a-z0-9][a-z0-9+._-]{0,63}";
  /** Most dependencies, conflicts or superseded releases. */
  public static final int MAX_CONSTRAINTS = 256;
  /** Most OS requirements. */
  public static final int MAX_OS_REQUIREMENTS = 64;

  /** @throws IllegalArgumentException naming the first field that is wrong and what was expected */
  public ReleaseManifest {
    if (formatVersion != ReleaseFormat.FORMAT_VERSION) {
      throw new IllegalArgumentException("format_version: " + formatVersion + " (expected: "
          + ReleaseFormat.FORMAT_VERSION + ")");
    }
    Text.matches("name", name, NAME_PATTERN, NAME_RULE);
    Text.required("version", version);
    Text.required("installer", installer);
    Text.required("payload", payload);
    Text.required("detection", detection);
    dependencies = constraints("dependencies", dependencies);
    conflicts = constraints("conflicts", conflicts);
    supersedes = constraints("supersedes", supersedes);
    osRequirements = InstallerSpec.checkedMap("os_requirements", osRequirements, MAX_OS_REQUIREMENTS,
        (field, value) -> Text.plain(field, value, 256));
    Text.required("documents", documents);
    if (unpackedSize != payload.contentBytes()) {
      throw new IllegalArgumentException("unpacked_size: " + unpackedSize + " (expected: " + payload.contentBytes()
          + (payload.format() == PayloadFormat.FILE ? ", the payload length)" : ", the sum of the file lengths)"));
    }
    if (detection.orElse(null) instanceof DetectionRule.ScriptExitCode script && payload.entries().stream()
        .noneMatch(e -> e.path().equals(script.path()) && e.type() == PayloadEntry.Type.FILE)) {
      throw new IllegalArgumentException("detection.path: " + Text.quoted(script.path()) + " (expected: a file"
          + " listed in payload.entries)");
    }
  }

  private static List<PackageConstraint> constraints(String field, List<PackageConstraint> list) {
    List<PackageConstraint> copy = List.copyOf(Text.required(field, list));
    Text.range(field + " size", copy.size(), 0, MAX_CONSTRAINTS);
    return copy;
  }

  /** {@code name@version}, e.g. {@code libreoffice@7.6.4}. */
  public String ref() {
    return name + "@" + version;
  }

  /** The canonical JSON bytes of this manifest: what a publisher signs and manifest.json holds. */
  public byte[] encode() {
    return ManifestCodec.encode(this);
  }

  /**
   * Parses manifest.json bytes.
   *
   * @throws ReleaseVerificationException MALFORMED_MANIFEST when they are not canonical JSON or break the schema,
   *     TOO_LARGE when they list more than {@link ReleaseFormat#MAX_PAYLOAD_ENTRIES} entries or are larger than
   *     {@link ReleaseFormat#MAX_MANIFEST_BYTES}
   */
  public static ReleaseManifest decode(byte[] json) {
    return ManifestCodec.decode(json);
  }
}
