package dev.convoy.release;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes manifest.json: strict parse, canonical-form check, then a field-by-field mapping in which every member
 * is required or explicitly optional and unknown members are refused. Stateless and thread-safe.
 */
final class ManifestSchema {
  private ManifestSchema() {}

  static ReleaseManifest decode(byte[] json) {
    if (json.length > ReleaseFormat.MAX_MANIFEST_BYTES) {
      throw new ReleaseVerificationException(VerificationReason.TOO_LARGE, "manifest.json: " + json.length
          + " bytes (expected: at most " + ReleaseFormat.MAX_MANIFEST_BYTES + ")");
    }
    try {
      Object tree = JsonParser.parse(json);
      Optional<String> difference = ManifestCodec.firstDifference(json, CanonicalJson.write(tree));
      if (difference.isPresent()) {
        throw new IllegalArgumentException("not in canonical form, first difference at " + difference.get()
            + " (expected: RFC 8785 canonical JSON: sorted keys, no whitespace, minimal escapes)");
      }
      return manifest(JsonFields.of("", tree));
    } catch (IllegalArgumentException e) {
      throw new ReleaseVerificationException(VerificationReason.MALFORMED_MANIFEST, "manifest.json: "
          + e.getMessage(), e);
    }
  }

  private static ReleaseManifest manifest(JsonFields f) {
    long formatVersion = f.integer("format_version");
    if (formatVersion != ReleaseFormat.FORMAT_VERSION) { // before anything else: a newer format is not an error here
      throw new IllegalArgumentException("format_version: " + formatVersion + " (expected: "
          + ReleaseFormat.FORMAT_VERSION + "; this reader knows no other)");
    }
    String name = f.string("name");
    String version = f.string("version");
    InstallerSpec installer = installer(f.object("installer"));
    PayloadSpec payload = payload(f.object("payload"));
    long unpackedSize = f.integer("unpacked_size");
    Optional<DetectionRule> detection = f.optionalObject("detection").map(ManifestSchema::detection);
    List<PackageConstraint> dependencies = constraints(f, "dependencies");
    List<PackageConstraint> conflicts = constraints(f, "conflicts");
    List<PackageConstraint> supersedes = constraints(f, "supersedes");
    Map<String, String> os = f.stringMap("os_requirements", ReleaseManifest.MAX_OS_REQUIREMENTS);
    boolean downgrade = f.bool("downgrade");
    ReleaseDocuments documents = documents(f.object("documents"));
    return f.build(() -> new ReleaseManifest((int) formatVersion, name, SemanticVersion.parse(version), installer,
        payload, unpackedSize, detection, dependencies, conflicts, supersedes, os, downgrade, documents));
  }

  private static InstallerSpec installer(JsonFields f) {
    String type = f.string("type");
    Map<String, String> parameters = f.stringMap("parameters", InstallerSpec.MAX_PARAMETERS);
    return f.build(() -> new InstallerSpec(type, parameters));
  }

  private static PayloadSpec payload(JsonFields f) {
    String name = f.string("name");
    String format = f.string("format");
    long length = f.integer("length");
    String sha256 = f.string("sha256");
    int count = f.array("entries", Integer.MAX_VALUE).size();
    if (count > ReleaseFormat.MAX_PAYLOAD_ENTRIES) {
      throw new ReleaseVerificationException(VerificationReason.TOO_LARGE, "manifest.json: payload.entries: "
          + count + " entries (expected: at most " + ReleaseFormat.MAX_PAYLOAD_ENTRIES + ")");
    }
    List<PayloadEntry> entries = f.objects("entries", count).stream().map(ManifestSchema::entry).toList();
    return f.build(() -> new PayloadSpec(name, PayloadFormat.fromLabel(format), length, sha256, entries));
  }

  private static PayloadEntry entry(JsonFields f) {
    String path = f.string("path");
    String type = f.string("type");
    return switch (type) {
      case "file" -> {
        int mode = mode(f);
        long length = f.integer("length");
        String sha256 = f.string("sha256");
        yield f.build(() -> PayloadEntry.file(path, mode, length, sha256));
      }
      case "dir" -> {
        int mode = mode(f);
        yield f.build(() -> new PayloadEntry(path, PayloadEntry.Type.DIRECTORY, mode, 0, null, null));
      }
      case "symlink" -> {
        String target = f.string("target");
        yield f.build(() -> PayloadEntry.symlink(path, target));
      }
      default -> throw new IllegalArgumentException(f.field("type") + ": " + Text.quoted(type)
          + " (expected: file, dir or symlink)");
    };
  }

  private static int mode(JsonFields f) {
    String mode = f.string("mode");
    if (!mode.matches("0[0-7]{3}")) {
      throw new IllegalArgumentException(f.field("mode") + ": " + Text.quoted(mode) + " (expected: four octal digits"
          + " such as 0644)");
    }
    return Integer.parseInt(mode, 8);
  }

  private static DetectionRule detection(JsonFields f) {
    String type = f.string("type");
    return switch (type) {
      case "file" -> {
        String path = f.string("path");
        String version = f.string("version");
        yield f.build(() -> new DetectionRule.FileVersion(path, version));
      }
      case "dpkg" -> {
        String name = f.string("package");
        String version = f.string("version");
        yield f.build(() -> new DetectionRule.DpkgPackage(name, version));
      }
      case "script" -> {
        String path = f.string("path");
        int exitCode = f.integer("exit_code", 0, 255);
        yield f.build(() -> new DetectionRule.ScriptExitCode(path, exitCode));
      }
      default -> throw new IllegalArgumentException(f.field("type") + ": " + Text.quoted(type)
          + " (expected: file, dpkg or script)");
    };
  }

  private static List<PackageConstraint> constraints(JsonFields f, String key) {
    return f.objects(key, ReleaseManifest.MAX_CONSTRAINTS).stream().map(c -> {
      String name = c.string("name");
      String versions = c.string("versions");
      return c.build(() -> PackageConstraint.of(name, versions));
    }).toList();
  }

  private static ReleaseDocuments documents(JsonFields f) {
    Optional<DocumentRef> releaseNotes = f.optionalObject("release_notes").map(ManifestSchema::document);
    Optional<DocumentRef> userDoc = f.optionalObject("user_doc").map(ManifestSchema::document);
    Optional<DocumentRef> runbook = f.optionalObject("runbook").map(ManifestSchema::document);
    List<KbArticle> articles = f.objects("kb_articles", ReleaseFormat.MAX_DOCUMENTS).stream()
        .map(ManifestSchema::article).toList();
    Optional<Training> training = f.optionalObject("training").map(ManifestSchema::training);
    return f.build(() -> new ReleaseDocuments(releaseNotes, userDoc, runbook, articles, training));
  }

  private static KbArticle article(JsonFields f) {
    String id = f.string("id");
    String title = f.string("title");
    JsonFields covers = f.object("covers");
    List<String> states = covers.values("states", 64, String.class, "a string");
    List<Integer> exitCodes = covers.values("exit_codes", 256, Long.class, "an integer").stream()
        .map(c -> (int) Text.range(covers.field("exit_codes"), c, Integer.MIN_VALUE, Integer.MAX_VALUE)).toList();
    KbArticle.Coverage coverage = covers.build(() -> new KbArticle.Coverage(states, exitCodes));
    DocumentRef document = document(f.object("document"));
    return f.build(() -> new KbArticle(id, title, coverage, document));
  }

  private static Training training(JsonFields f) {
    String title = f.string("title");
    String audience = f.string("audience");
    Optional<String> link = f.optionalString("link");
    Optional<DocumentRef> document = f.optionalObject("document").map(ManifestSchema::document);
    return f.build(() -> new Training(title, audience, link, document));
  }

  private static DocumentRef document(JsonFields f) {
    String name = f.string("name");
    long length = f.integer("length");
    String sha256 = f.string("sha256");
    return f.build(() -> new DocumentRef(name, length, sha256));
  }
}
