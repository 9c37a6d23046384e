package dev.convoy.cli.release;

import dev.convoy.cli.output.Table;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.ReleaseDocument;
import dev.convoy.release.BuiltRelease;
import java.util.ArrayList;
import java.util.List;

/** Human renderings of a built signed release and of a release as the server recorded it. */
public final class ReleaseView {
  private ReleaseView() {}

  /** {@code Built name@version} with the key id, file, SHA-256 and size. */
  public static String built(BuiltRelease built) {
    dev.convoy.release.ReleaseManifest m = built.manifest();
    Table table = Table.withoutHeader(2)
        .row("key id", built.signer().hex())
        .row("file", built.file().toString())
        .row("sha256", built.fileSha256())
        .row("size", built.fileLength() + " bytes");
    relations(table, constraints(m.dependencies()), constraints(m.conflicts()), constraints(m.supersedes()),
        m.osRequirements());
    return "Built " + m.ref() + "\n" + table.render("  ");
  }

  private static List<String> constraints(List<dev.convoy.release.PackageConstraint> list) {
    return list.stream().map(c -> c.name() + " " + c.versions()).toList();
  }

  /** {@code fonts >=2.0.0 <3.0.0, icons *}, the ranges of a release's relation. */
  static List<String> ranges(List<dev.convoy.protocol.v1.PackageRange> list) {
    return list.stream().map(r -> r.getName() + " " + r.getVersions()).toList();
  }

  /** {@code os.family=debian, os.version=>=12}, sorted by fact. */
  static String os(java.util.Map<String, String> requirements) {
    List<String> parts = new ArrayList<>();
    new java.util.TreeMap<>(requirements).forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(", ", parts);
  }

  private static void relations(Table table, List<String> depends, List<String> conflicts, List<String> supersedes,
      java.util.Map<String, String> os) {
    if (!depends.isEmpty()) {
      table.row("depends", String.join(", ", depends));
    }
    if (!conflicts.isEmpty()) {
      table.row("conflicts", String.join(", ", conflicts));
    }
    if (!supersedes.isEmpty()) {
      table.row("supersedes", String.join(", ", supersedes));
    }
    if (!os.isEmpty()) {
      table.row("os", os(os));
    }
  }

  /** {@code Published name@version} with installer, signer, SHA-256, size and the documents it carries. */
  public static String published(Release release) {
    Table table = Table.withoutHeader(2)
        .row("installer", release.getInstaller() + parameters(release))
        .row("format", format(release))
        .row("key id", release.getSignerKeyId().isEmpty() ? "-" : release.getSignerKeyId())
        .row("sha256", release.getSha256())
        .row("size", release.getLength() + " bytes");
    if (release.getDowngrade()) {
      table.row("downgrade", "allowed by the publisher");
    }
    if (release.getDocumentsCount() > 0) {
      table.row("documents", documents(release));
    }
    relations(table, ranges(release.getDependenciesList()), ranges(release.getConflictsList()),
        ranges(release.getSupersedesList()), release.getOsRequirementsMap());
    return "Published " + release.getName() + "@" + release.getVersion() + "\n" + table.render("  ");
  }

  /** One row per release, or a hint when there is none. */
  public static String list(List<Release> releases) {
    if (releases.isEmpty()) {
      return "No releases. Build and publish one with: convoy release publish DIR --name N --version V"
          + " --installer archive --key KEY\n";
    }
    Table table = new Table("RELEASE", "INSTALLER", "FORMAT", "DEPENDS", "CONFLICTS", "SUPERSEDES", "OS");
    for (Release r : releases) {
      table.row(r.getName() + "@" + r.getVersion(), r.getInstaller(),
          format(r),
          dash(String.join(", ", ranges(r.getDependenciesList()))),
          dash(String.join(", ", ranges(r.getConflictsList()))),
          dash(String.join(", ", ranges(r.getSupersedesList()))), dash(os(r.getOsRequirementsMap())));
    }
    return table.render();
  }

  /** {@code name,version,installer,format,sha256,depends,conflicts,supersedes,os}; lists joined with {@code ; }. */
  public static String csv(List<Release> releases) {
    dev.convoy.cli.output.Csv csv = new dev.convoy.cli.output.Csv("name", "version", "installer", "format", "sha256",
        "depends", "conflicts", "supersedes", "os");
    for (Release r : releases) {
      csv.row(r.getName(), r.getVersion(), r.getInstaller(), r.getFormat(), r.getSha256(),
          String.join("; ", ranges(r.getDependenciesList())), String.join("; ", ranges(r.getConflictsList())),
          String.join("; ", ranges(r.getSupersedesList())), os(r.getOsRequirementsMap()).replace(", ", "; "));
    }
    return csv.render();
  }

  /** The format, or {@code unsigned (retired)} for an unsigned release an older server stored (never installed). */
  static String format(Release release) {
    return release.getFormat().isEmpty() ? "unsigned (retired)" : release.getFormat();
  }

  private static String dash(String text) {
    return text.isEmpty() ? "-" : text;
  }

  private static String parameters(Release release) {
    if (release.getInstallerParametersCount() == 0) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    release.getInstallerParametersMap().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> parts.add(e.getKey() + "=" + e.getValue()));
    return " (" + String.join(", ", parts) + ")";
  }

  private static String documents(Release release) {
    List<String> parts = new ArrayList<>();
    for (ReleaseDocument document : release.getDocumentsList()) {
      parts.add(document.getId().isEmpty() ? document.getKind() : document.getKind() + " " + document.getId());
    }
    return String.join(", ", parts);
  }
}
