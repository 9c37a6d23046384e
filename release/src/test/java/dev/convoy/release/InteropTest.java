package dev.convoy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The release file is an ordinary POSIX tar and its payload an ordinary tar.gz: other implementations (GNU tar,
 * commons-compress) read what we write, and we accept a container another tar writer produced.
 */
class InteropTest {
  private static final PublisherKeyPair KEY = PublisherKeys.generate();

  @TempDir
  Path tmp;

  @Test
  void container_listedByCommonsCompress_hasTheFormatEntriesInOrder() throws Exception {
    BuiltRelease built = build();

    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(built.file()))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        assertThat(e.isFile()).isTrue();
        names.add(e.getName());
      }
    }

    assertThat(names).containsExactly("convoy-release/manifest.json", "convoy-release/manifest.sig",
        "convoy-release/docs/runbook.md", "convoy-release/payload/payload.tar.gz");
  }

  @Test
  void container_writtenByCommonsCompress_isAccepted() throws Exception {
    BuiltRelease built = build();
    Map<String, byte[]> entries = entries(built.file());
    Path copy = tmp.resolve("rewritten.cvr");
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(copy))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }

    VerifiedRelease release = new ReleaseReader(TrustedKeys.of(KEY.publicKey())).read(copy, tmp.resolve("out"));

    assertThat(release.manifest()).isEqualTo(built.manifest());
    assertThat(Trees.snapshot(tmp.resolve("out"))).isEqualTo(Trees.snapshot(tmp.resolve("source")));
  }

  @Test
  void payload_extractedByGnuTar_matchesTheSourceTree() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/tar")), "GNU tar is not installed");
    BuiltRelease built = build();
    Path payload = Files.write(tmp.resolve("payload.tar.gz"), entries(built.file())
        .get("convoy-release/payload/payload.tar.gz"));
    Path out = Files.createDirectory(tmp.resolve("gnu"));

    String listing = run("tar", "-tvzf", payload.toString());
    run("tar", "-xzf", payload.toString(), "-C", out.toString());

    assertThat(contents(out)).isEqualTo(contents(tmp.resolve("source")));
    assertThat(listing).contains("drwxr-xr-x 0/0").contains("-rwxr-xr-x 0/0").contains("1970-01-01 00:00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gnu", "posix", "ustar"})
  void payload_writtenByGnuTar_isAcceptedInEachFormat(String format) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/tar")), "GNU tar is not installed");
    String longName = format.equals("ustar") ? "short.txt" : "n".repeat(150) + ".txt";
    Path source = Files.createDirectories(tmp.resolve("src/bin"));
    Files.writeString(source.resolve(longName), "long name\n");
    Files.setPosixFilePermissions(source, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(source.resolve(longName),
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    Files.createSymbolicLink(tmp.resolve("src/link"), Path.of("bin/" + longName));
    Path archive = tmp.resolve("payload.tgz");
    run("tar", "--format=" + format, "--owner=0", "--group=0", "--no-recursion", "-czf", archive.toString(), "-C",
        tmp.resolve("src").toString(), "bin", "bin/" + longName, "link");
    byte[] blob = Files.readAllBytes(archive);
    Forge forge = new Forge();
    forge.blobEdit = b -> blob;
    forge.listed = new ArrayList<>(List.of(Forge.Item.dir("bin"),
        Forge.Item.file("bin/" + longName, 0644, "long name\n"), Forge.Item.symlink("link", "bin/" + longName)));
    Path file = Files.write(tmp.resolve("gnu.cvr"), forge.bytes());

    new ReleaseReader(Forge.trusted()).read(file, tmp.resolve("out"));

    assertThat(Trees.snapshot(tmp.resolve("out"))).isEqualTo(Trees.snapshot(tmp.resolve("src")));
  }

  private BuiltRelease build() throws IOException {
    Path source = ReleaseRoundTripTest.sampleTree(tmp.resolve("source"));
    Path runbook = Files.writeString(tmp.resolve("runbook.md"), "# Runbook\n");
    return ReleaseBuilder.fromDirectory(source).name("interop").version("1.0.0").installer(InstallerSpec.of("archive"))
        .runbook(runbook).build(tmp.resolve("interop.cvr"), KEY);
  }

  private static Map<String, byte[]> entries(Path container) throws IOException {
    Map<String, byte[]> out = new java.util.LinkedHashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(container))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        out.put(e.getName(), tar.readAllBytes());
      }
    }
    return out;
  }

  /** Paths, types and contents, without modes (tar applies the umask unless run as root). */
  private static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    Trees.snapshot(root).forEach((path, description) -> out.put(path, description.replaceAll(" 0[0-7]{3}", "")));
    return out;
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (InputStream in = process.getInputStream()) {
      in.transferTo(output);
    }
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String text = output.toString(StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isZero();
    return text;
  }
}
