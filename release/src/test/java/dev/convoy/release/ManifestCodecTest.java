package dev.convoy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestCodecTest {
  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);

  @Test
  void encode_smallManifest_givesThePinnedCanonicalBytes() {
    ReleaseManifest manifest = new ReleaseManifest(1, "demo", SemanticVersion.parse("1.0.0"),
        InstallerSpec.of("archive"), new PayloadSpec("payload.tar.gz", PayloadFormat.TAR_GZ, 134, SHA_A, List.of(
            PayloadEntry.directory("bin"), PayloadEntry.file("bin/x", 0644, 3, SHA_B))), 3, Optional.empty(),
        List.of(), List.of(), List.of(), Map.of(), false, ReleaseDocuments.NONE);

    String json = new String(manifest.encode(), StandardCharsets.UTF_8);

    // Pinned: a change here changes what every publisher signs (release/README.md, "manifest.json").
    assertThat(json).isEqualTo("{\"conflicts\":[],\"dependencies\":[],\"documents\":{\"kb_articles\":[]},"
        + "\"downgrade\":false,\"format_version\":1,\"installer\":{\"parameters\":{},\"type\":\"archive\"},"
        + "\"name\":\"demo\",\"os_requirements\":{},\"payload\":{\"entries\":[{\"mode\":\"0755\",\"path\":\"bin\","
        + "\"type\":\"dir\"},{\"length\":3,\"mode\":\"0644\",\"path\":\"bin/x\",\"sha256\":\"" + SHA_B + "\","
        + "\"type\":\"file\"}],\"format\":\"tar.gz\",\"length\":134,\"name\":\"payload.tar.gz\",\"sha256\":\""
        + SHA_A + "\"},\"supersedes\":[],\"unpacked_size\":3,\"version\":\"1.0.0\"}");
  }

  @Test
  void decode_everyFieldAndSlot_roundTripsToAnEqualManifest() {
    ReleaseManifest full = fullManifest(new DetectionRule.ScriptExitCode("bin/detect.sh", 3));

    ReleaseManifest decoded = ReleaseManifest.decode(full.encode());

    assertThat(decoded).isEqualTo(full);
    assertThat(decoded.encode()).isEqualTo(full.encode());
    assertThat(ReleaseManifest.decode(fullManifest(new DetectionRule.FileVersion("/opt/app/VERSION", "2.1.0-rc.1"))
        .encode()).detection()).containsInstanceOf(DetectionRule.FileVersion.class);
    assertThat(ReleaseManifest.decode(fullManifest(new DetectionRule.DpkgPackage("app", "2.1.0~rc1-1")).encode())
        .detection()).contains(new DetectionRule.DpkgPackage("app", "2.1.0~rc1-1"));
  }

  @Test
  void records_invalidValues_refusedNamingFieldAndExpectation() {
    assertThatThrownBy(() -> PayloadEntry.file("a", 0600, 1, SHA_A)).hasMessage("mode: 0600 (expected: 0644 or 0755)");
    assertThatThrownBy(() -> PayloadEntry.symlink("a/b", "../../etc")).hasMessage("target: symlink 'a/b' ->"
        + " '../../etc' escapes the payload root (expected: a target inside the payload)");
    assertThatThrownBy(() -> PayloadEntry.directory("a//b")).hasMessageContaining("empty, '.' or '..' component");
    assertThatThrownBy(() -> new PayloadSpec("p.tgz", PayloadFormat.TAR_GZ, 1, SHA_A, List.of(
        PayloadEntry.file("a/b", 0644, 0, SHA_A)))).hasMessageContaining("has parent 'a' that is not listed as a dir");
    assertThatThrownBy(() -> new InstallerSpec("Archive", Map.of()))
        .hasMessageStartingWith("installer.type: 'Archive'");
    assertThatThrownBy(() -> Training.ofLink("t", "a", "javascript:alert(1)")).hasMessageStartingWith("training.link");
    assertThatThrownBy(() -> new ReleaseDocuments(Optional.of(doc("x.md")), Optional.of(doc("x.md")),
        Optional.empty(), List.of(), Optional.empty())).hasMessageContaining("'x.md' is listed twice");
  }

  @Test
  void decode_scriptDetectionNamingAnUnlistedFile_refused() {
    ReleaseManifest full = fullManifest(new DetectionRule.ScriptExitCode("bin/detect.sh", 0));
    String json = new String(full.encode(), StandardCharsets.UTF_8).replace("\"path\":\"bin/detect.sh\",\"type\":"
        + "\"script\"", "\"path\":\"bin/other.sh\",\"type\":\"script\"");

    assertThatThrownBy(() -> ReleaseManifest.decode(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ReleaseVerificationException.class)
        .hasMessage("manifest.json: detection.path: 'bin/other.sh' (expected: a file listed in payload.entries)");
  }

  static ReleaseManifest fullManifest(DetectionRule detection) {
    PayloadSpec payload = new PayloadSpec("payload.tar.gz", PayloadFormat.TAR_GZ, 999, SHA_A, List.of(
        PayloadEntry.directory("bin"),
        PayloadEntry.file("bin/detect.sh", 0755, 10, SHA_B),
        PayloadEntry.symlink("bin/latest", "detect.sh"),
        PayloadEntry.file("r\u00e9sum\u00e9.txt", 0644, 5, SHA_A)));
    ReleaseDocuments documents = new ReleaseDocuments(Optional.of(doc("release-notes.md")), Optional.of(
        doc("user-doc.md")), Optional.of(doc("runbook.md")), List.of(new KbArticle("KB-1", "Disk full \"again\"",
        new KbArticle.Coverage(List.of("INSTALLING", "VERIFYING"), List.of(-1, 28)), doc("kb-KB-1.md"))),
        Optional.of(Training.ofLink("Ribbon", "everyone", "https://learn.example.com/ribbon?x=1&y=2")));
    return new ReleaseManifest(1, "app", SemanticVersion.parse("2.1.0-rc.1+build.5"),
        new InstallerSpec("archive", Map.of("maxEntries", "500", "note", "line1\nline2")), payload, 15,
        Optional.of(detection), List.of(PackageConstraint.of("libfoo", ">=1.2.0 <2.0.0")),
        List.of(PackageConstraint.of("oldapp", "*")), List.of(PackageConstraint.of("app", "<2.1.0")),
        Map.of("os.family", "debian", "os.version", ">=12"), true, documents);
  }

  private static DocumentRef doc(String name) {
    return new DocumentRef(name, 10, SHA_B);
  }
}
