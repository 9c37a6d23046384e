package dev.convoy.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts between {@link ReleaseManifest} and its canonical JSON bytes. Encoding builds the JSON tree and writes
 * it with {@link CanonicalJson}; decoding ({@link ManifestSchema}) parses strictly, insists the input is already
 * canonical, and maps the tree field by field. Stateless and thread-safe.
 */
final class ManifestCodec {
  private ManifestCodec() {}

  static byte[] encode(ReleaseManifest m) {
    return CanonicalJson.write(tree(m));
  }

  /** @see ReleaseManifest#decode(byte[]) */
  static ReleaseManifest decode(byte[] json) {
    return ManifestSchema.decode(json);
  }

  /** The manifest as a JSON tree (insertion-ordered maps; the writer sorts). */
  static Map<String, Object> tree(ReleaseManifest m) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format_version", (long) m.formatVersion());
    root.put("name", m.name());
    root.put("version", m.version().toString());
    root.put("installer", Map.of("type", m.installer().type(), "parameters", m.installer().parameters()));
    root.put("payload", payload(m.payload()));
    root.put("unpacked_size", m.unpackedSize());
    m.detection().ifPresent(d -> root.put("detection", detection(d)));
    root.put("dependencies", constraints(m.dependencies()));
    root.put("conflicts", constraints(m.conflicts()));
    root.put("supersedes", constraints(m.supersedes()));
    root.put("os_requirements", m.osRequirements());
    root.put("downgrade", m.downgrade());
    root.put("documents", documents(m.documents()));
    return root;
  }

  private static Map<String, Object> payload(PayloadSpec p) {
    List<Object> entries = new ArrayList<>(p.entries().size());
    p.entries().forEach(e -> entries.add(entry(e)));
    return Map.of("name", p.name(), "format", p.format().label(), "length", p.length(), "sha256", p.sha256(),
        "entries", entries);
  }

  private static Map<String, Object> entry(PayloadEntry e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("path", e.path());
    out.put("type", e.type().label());
    switch (e.type()) {
      case FILE -> {
        out.put("mode", mode(e.mode()));
        out.put("length", e.length());
        out.put("sha256", e.sha256());
      }
      case DIRECTORY -> out.put("mode", mode(e.mode()));
      case SYMLINK -> out.put("target", e.target());
    }
    return out;
  }

  static String mode(int mode) {
    return String.format("%04o", mode);
  }

  private static Map<String, Object> detection(DetectionRule rule) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", rule.type());
    if (rule instanceof DetectionRule.FileVersion f) {
      out.put("path", f.path());
      out.put("version", f.version());
    } else if (rule instanceof DetectionRule.DpkgPackage d) {
      out.put("package", d.packageName());
      out.put("version", d.version());
    } else if (rule instanceof DetectionRule.ScriptExitCode s) {
      out.put("path", s.path());
      out.put("exit_code", (long) s.installedExitCode());
    }
    return out;
  }

  private static List<Object> constraints(List<PackageConstraint> list) {
    List<Object> out = new ArrayList<>();
    list.forEach(c -> out.add(Map.of("name", c.name(), "versions", c.versions().toString())));
    return out;
  }

  private static Map<String, Object> documents(ReleaseDocuments d) {
    Map<String, Object> out = new LinkedHashMap<>();
    d.releaseNotes().ifPresent(r -> out.put("release_notes", document(r)));
    d.userDoc().ifPresent(r -> out.put("user_doc", document(r)));
    d.runbook().ifPresent(r -> out.put("runbook", document(r)));
    List<Object> articles = new ArrayList<>();
    for (KbArticle a : d.kbArticles()) {
      Map<String, Object> covers = Map.of("states", a.covers().states(),
          "exit_codes", a.covers().exitCodes().stream().map(Integer::longValue).toList());
      articles.add(Map.of("id", a.id(), "title", a.title(), "covers", covers, "document", document(a.document())));
    }
    out.put("kb_articles", articles);
    d.training().ifPresent(t -> out.put("training", training(t)));
    return out;
  }

  private static Map<String, Object> training(Training t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("title", t.title());
    out.put("audience", t.audience());
    t.link().ifPresent(l -> out.put("link", l));
    t.document().ifPresent(r -> out.put("document", document(r)));
    return out;
  }

  private static Map<String, Object> document(DocumentRef r) {
    return Map.of("name", r.name(), "length", r.length(), "sha256", r.sha256());
  }

  static Optional<String> firstDifference(byte[] actual, byte[] canonical) {
    int n = Math.min(actual.length, canonical.length);
    for (int i = 0; i < n; i++) {
      if (actual[i] != canonical[i]) {
        return Optional.of("byte " + i);
      }
    }
    return actual.length == canonical.length ? Optional.empty() : Optional.of("byte " + n + " (length differs)");
  }
}
