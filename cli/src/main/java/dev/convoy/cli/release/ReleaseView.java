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
    return "Built " + built.manifest().ref() + "\n" + Table.withoutHeader(2)
        .row("key id", built.signer().hex())
        .row("file", built.file().toString())
        .row("sha256", built.fileSha256())
        .row("size", built.fileLength() + " bytes")
        .render("  ");
  }

  /** {@code Published name@version} with installer, signer, SHA-256, size and the documents it carries. */
  public static String published(Release release) {
    Table table = Table.withoutHeader(2)
        .row("installer", release.getInstaller() + parameters(release))
        .row("format", release.getFormat().isEmpty() ? "unsigned " + release.getArchiveFormat() : release.getFormat())
        .row("key id", release.getSignerKeyId().isEmpty() ? "-" : release.getSignerKeyId())
        .row("sha256", release.getSha256())
        .row("size", release.getLength() + " bytes");
    if (release.getDowngrade()) {
      table.row("downgrade", "allowed by the publisher");
    }
    if (release.getDocumentsCount() > 0) {
      table.row("documents", documents(release));
    }
    return "Published " + release.getName() + "@" + release.getVersion() + "\n" + table.render("  ");
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
