package dev.convoy.installers.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.installers.archive.HostileArchives.Case;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile archive is refused (or, where stated, extracted but confined): nothing is written outside the
 * extraction root, bytes written never pass the cap, and a refused extraction leaves no root behind.
 */
class SafeExtractorHostileTest {
  @TempDir
  Path temp;

  static List<Case> cases() {
    return HostileArchives.all();
  }

  @Test
  void generator_coversAtLeastTwentyFiveDistinctCases() {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(cases().stream().map(Case::name).distinct()).hasSameSizeAs(cases());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void extract_hostileArchive_refusedOrConfinedAndNothingOutside(Case hostile) throws IOException {
    Path work = Files.createDirectories(temp.resolve("work"));
    Path outside = Files.createDirectories(work.resolve("outside"));
    Files.writeString(outside.resolve("canary.txt"), "canary");
    Path archive = temp.resolve("archive.bin");
    hostile.maker().make(archive, outside);
    Path root = work.resolve("staging");
    SortedMap<String, String> before = TreeSnapshot.of(temp, p -> p.equals(archive));

    ExtractionResult result = new SafeExtractor(hostile.limits(), java.util.Set.of(FileManifest.NAME))
        .extract(archive, hostile.format(), root);

    assertThat(TreeSnapshot.of(temp, p -> p.equals(archive) || p.equals(root)))
        .as("everything outside the extraction root is unchanged").isEqualTo(before);
    assertThat(result.bytesWritten()).isLessThanOrEqualTo(hostile.limits().maxBytes());
    if (hostile.refusal() == null) {
      assertThat(result.ok()).as(result.message()).isTrue();
      assertConfined(root);
    } else {
      assertThat(result.ok()).as("refused").isFalse();
      assertThat(result.message()).contains(hostile.refusal());
      assertThat(result.files()).isEmpty();
      assertThat(root).as("nothing left in staging").doesNotExist();
    }
  }

  @Test
  void extract_ratioBomb_stopsEarlyWhileStreaming() throws IOException {
    Path archive = ArchiveBuilder.tarGz().zeros("big", 40L << 20).write(temp.resolve("bomb.tar.gz"));

    ExtractionResult result = new SafeExtractor(HostileArchives.NO_BYTE_CAP).extract(archive, null,
        temp.resolve("root"));

    assertThat(result.ok()).isFalse();
    assertThat(result.bytesWritten()).as("stopped soon after the 1 MiB grace").isBetween(1L << 20, 8L << 20);
  }

  @Test
  void extract_sizeBombDeclaringASmallSize_stopsAtTheCapWhileStreaming() throws IOException {
    byte[] zip = ArchiveBuilder.zip().zeros("big", 3L << 20).bytes(temp.resolve("scratch.zip"));
    Path archive = Files.write(temp.resolve("bomb.zip"), HostileArchives.declareSize(zip, 1000));

    ExtractionResult result = new SafeExtractor(HostileArchives.SMALL_CAP).extract(archive, null, temp.resolve("r"));

    assertThat(result.ok()).isFalse();
    assertThat(result.message()).contains("unpacks to more than 1048576 bytes");
    assertThat(result.bytesWritten()).isBetween((1L << 20) - (64 << 10), 1L << 20);
    assertThat(temp.resolve("r")).doesNotExist();
  }

  @Test
  void extract_sizeBombDeclaringItsSize_refusedBeforeWriting() throws IOException {
    Path archive = ArchiveBuilder.tarGz().file("small", "x").zeros("big", 3L << 20).write(temp.resolve("b.tar.gz"));

    ExtractionResult result = new SafeExtractor(HostileArchives.SMALL_CAP).extract(archive, null, temp.resolve("r"));

    assertThat(result.ok()).isFalse();
    assertThat(result.message()).contains("'big': declares 3145728 bytes");
    assertThat(result.bytesWritten()).isEqualTo(1);
  }

  private static void assertConfined(Path root) throws IOException {
    Path real = root.toRealPath();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        assertThat(p.toAbsolutePath().normalize()).startsWith(root.toAbsolutePath().normalize());
        if (Files.isSymbolicLink(p) && Files.exists(p)) {
          assertThat(p.toRealPath()).startsWith(real);
        }
        assertThat(Files.exists(p, LinkOption.NOFOLLOW_LINKS)).isTrue();
      }
    }
  }
}
