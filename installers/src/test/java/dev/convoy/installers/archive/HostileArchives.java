package dev.convoy.installers.archive;

import static dev.convoy.installers.archive.ArchiveFormat.TAR;
import static dev.convoy.installers.archive.ArchiveFormat.TAR_GZ;
import static dev.convoy.installers.archive.ArchiveFormat.ZIP;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.zip.UnicodePathExtraField;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Generates hostile archives at test time (no binary fixtures in the repository). Each case writes its archive
 * given the path of an "outside" directory it tries to reach, and says how it must be refused.
 */
final class HostileArchives {
  /** Limits small enough to keep the bombs fast. */
  static final ExtractionLimits LIMITS = new ExtractionLimits(8L << 20, 1000, 200, 1L << 20);
  static final ExtractionLimits SMALL_CAP = new ExtractionLimits(1L << 20, 1000, 200, 1L << 20);
  static final ExtractionLimits FEW_ENTRIES = new ExtractionLimits(8L << 20, 100, 200, 1L << 20);
  static final ExtractionLimits NO_BYTE_CAP = new ExtractionLimits(1L << 40, 1000, 200, 1L << 20);

  @FunctionalInterface
  interface Maker {
    void make(Path archive, Path outside) throws IOException;
  }

  /**
   * @param format passed to the extractor; null to let it sniff
   * @param refusal a fragment of the expected refusal message; "" for any refusal; null when the archive must be
   *     extracted, confined to the root
   */
  record Case(String name, ArchiveFormat format, ExtractionLimits limits, Maker maker, String refusal) {
    @Override
    public String toString() {
      return name;
    }
  }

  private HostileArchives() {}

  static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(tarCases());
    cases.addAll(zipCases());
    cases.addAll(corruptCases());
    return cases;
  }

  private static List<Case> tarCases() {
    return List.of(
        tar("tar.gz traversal", "'..' component", (a, o) -> tgz().file("../outside/evil.txt", "x").write(a)),
        tar("tar.gz nested traversal", "'..' component",
            (a, o) -> tgz().file("a/b/../../../outside/evil.txt", "x").write(a)),
        tar("tar.gz absolute path into outside", "absolute path",
            (a, o) -> tgz().file(o.resolve("evil.txt").toString(), "x").write(a)),
        tar("tar.gz drive letter", "absolute path", (a, o) -> tgz().file("C:/evil.txt", "x").write(a)),
        tar("tar.gz backslash traversal", "backslash", (a, o) -> tgz().file("..\\outside\\evil.txt", "x").write(a)),
        tar("tar.gz control character", "control character", (a, o) -> tgz().file("evil\n.txt", "x").write(a)),
        tar("tar.gz NUL in a long (PAX) name", "", (a, o) -> tgz().file("a".repeat(120) + "\0/../../outside/evil",
            "x").write(a)),
        tar("tar.gz empty name", "", (a, o) -> tgz().file("", "x").write(a)),
        tar("tar.gz symlink to absolute path", "absolute target",
            (a, o) -> tgz().symlink("link", o.toString()).file("link/evil.txt", "x").write(a)),
        tar("tar.gz symlink escaping with ..", "escapes",
            (a, o) -> tgz().symlink("link", "../outside").file("link/evil.txt", "x").write(a)),
        tar("tar.gz symlink then write through it", "through symlink",
            (a, o) -> tgz().dir("sub/").symlink("d", "sub").file("d/evil.txt", "x").write(a)),
        tar("tar.gz symlink chain through s -> .", "passes through symlink",
            (a, o) -> tgz().symlink("s", ".").symlink("t", "s/s/../outside").write(a)),
        tar("tar.gz symlink chain, link defined after its user", "passes through symlink",
            (a, o) -> tgz().symlink("t", "s/s/../outside").symlink("s", ".").write(a)),
        tar("tar.gz hard link to outside", "hard link",
            (a, o) -> tgz().hardlink("hl", "../outside/canary.txt").write(a)),
        tar("tar.gz hard link inside", "hard link",
            (a, o) -> tgz().file("a.txt", "x").hardlink("b.txt", "a.txt").write(a)),
        tar("tar.gz duplicate entry", "duplicate", (a, o) -> tgz().file("a.txt", "1").file("a.txt", "2").write(a)),
        tar("tar.gz duplicate after normalising", "duplicate",
            (a, o) -> tgz().file("a.txt", "1").file("./a.txt", "2").write(a)),
        tar("tar.gz directory then file of the same path", "duplicate",
            (a, o) -> tgz().dir("d/").file("d", "x").write(a)),
        tar("tar.gz file below a file", "not a directory",
            (a, o) -> tgz().file("f", "x").file("f/evil.txt", "x").write(a)),
        tar("tar.gz character device", "character device", (a, o) -> tgz().charDevice("dev").write(a)),
        tar("tar.gz block device", "block device", (a, o) -> tgz().blockDevice("disk").write(a)),
        tar("tar.gz fifo", "fifo", (a, o) -> tgz().fifo("pipe").write(a)),
        tar("tar.gz reserved manifest name", "reserved", (a, o) -> tgz().file(FileManifest.NAME, "forged").write(a)),
        new Case("tar.gz bomb by size (one entry)", TAR_GZ, SMALL_CAP,
            (a, o) -> tgz().zeros("big", 3L << 20).write(a), "unpacks to more than"),
        new Case("tar.gz bomb by size (many entries)", TAR_GZ, SMALL_CAP,
            (a, o) -> manyZeros(tgz(), 8, 200_000).write(a), "unpacks to more than"),
        new Case("tar.gz bomb by ratio", TAR_GZ, NO_BYTE_CAP,
            (a, o) -> tgz().zeros("big", 40L << 20).write(a), "ratio"),
        new Case("tar.gz too many entries", TAR_GZ, FEW_ENTRIES, (a, o) -> manyFiles(tgz(), 150).write(a), "entries"),
        new Case("tar (plain) traversal", TAR, LIMITS,
            (a, o) -> ArchiveBuilder.of(TAR).file("../outside/evil.txt", "x").write(a), "'..' component"));
  }

  private static List<Case> zipCases() {
    return List.of(
        zip("zip traversal", "'..' component", (a, o) -> zipB().file("../outside/evil.txt", "x").write(a)),
        zip("zip absolute path into outside", "absolute path",
            (a, o) -> zipB().file(o.resolve("evil.txt").toString(), "x").write(a)),
        zip("zip raw backslash (FAT names)", "backslash", (a, o) -> Files.write(a, ArchiveBuilder.patchAll(
            zipB().file("..Xoutside/evil.txt", "x").bytes(a), "..Xoutside", "..\\outside"))),
        zip("zip NUL in name", "control character", (a, o) -> zipB().file("evil\0.txt", "x").write(a)),
        zip("zip symlink escaping with ..", "escapes",
            (a, o) -> zipB().symlink("link", "../outside").file("link/evil.txt", "x").write(a)),
        zip("zip symlink to absolute path", "absolute target", (a, o) -> zipB().symlink("link", o.toString()).write(a)),
        zip("zip symlink then write through it", "through symlink",
            (a, o) -> zipB().dir("sub/").symlink("d", "sub").file("d/evil.txt", "x").write(a)),
        zip("zip duplicate entry", "duplicate", (a, o) -> zipB().file("a.txt", "1").file("a.txt", "2").write(a)),
        zip("zip fifo", "special file", (a, o) -> zipB().fifo("pipe").write(a)),
        zip("zip character device", "special file", (a, o) -> zipB().charDevice("dev").write(a)),
        zip("zip local header name differs from central directory", "local header names it",
            (a, o) -> Files.write(a, ArchiveBuilder.patchFirst(
                zipB().file("aaaaaaaaaaaaaaa.txt", "x").bytes(a), "aaaaaaaaaaaaaaa.txt", "../outside/evil.txt"))),
        zip("zip encrypted entry", "encrypt", (a, o) -> Files.write(a, setFlag(zipB().file("a.txt", "x").bytes(a), 1))),
        zip("zip unsupported method (bzip2)", "compression method 12",
            (a, o) -> Files.write(a, setMethod(zipB().file("a.txt", "x").bytes(a), 12))),
        zip("zip overlapping entries", "overlaps",
            (a, o) -> Files.write(a, growCompressedSize(zipB().file("a.txt", "x").file("b.txt", "y").bytes(a), 40))),
        zip("zip end record lies about the entry count", "end record claims",
            (a, o) -> Files.write(a, lieAboutCount(zipB().file("a.txt", "x").file("b.txt", "y").bytes(a)))),
        zip("zip entry larger than its declared size", "as declared",
            (a, o) -> Files.write(a, shrinkDeclaredSize(zipB().file("a.txt", "0123456789").bytes(a)))),
        new Case("zip bomb by size", ZIP, SMALL_CAP, (a, o) -> zipB().zeros("big", 3L << 20).write(a),
            "unpacks to more than"),
        new Case("zip bomb by ratio", ZIP, NO_BYTE_CAP, (a, o) -> zipB().zeros("big", 40L << 20).write(a), "ratio"),
        new Case("zip too many entries", ZIP, FEW_ENTRIES, (a, o) -> manyFiles(zipB(), 150).write(a),
            "more than 100 entries"),
        zip("zip unicode path extra field pointing outside (confined)", null, HostileArchives::unicodeExtraField));
  }

  private static List<Case> corruptCases() {
    return List.of(
        new Case("tar.gz truncated", null, LIMITS, (a, o) -> truncate(a, tgz().file("data.bin", random(200_000), 0644)
            .bytes(a)), "truncated or corrupt"),
        new Case("zip truncated", null, LIMITS, (a, o) -> truncate(a, zipB().file("data.bin", random(200_000), 0644)
            .bytes(a)), "no end of central directory"),
        new Case("garbage bytes", null, LIMITS, (a, o) -> Files.write(a, random(4096)), "unrecognised format"),
        new Case("gzip magic then garbage", null, LIMITS,
            (a, o) -> Files.write(a, concat(new byte[] {0x1f, (byte) 0x8b}, random(4096))), "truncated or corrupt"),
        new Case("zip bytes declared as tar.gz", TAR_GZ, LIMITS, (a, o) -> zipB().file("a.txt", "x").write(a),
            "truncated or corrupt"),
        new Case("empty tar.gz", TAR_GZ, LIMITS, (a, o) -> tgz().write(a), "no entries"));
  }

  private static Case tar(String name, String refusal, Maker maker) {
    return new Case(name, TAR_GZ, LIMITS, maker, refusal);
  }

  private static Case zip(String name, String refusal, Maker maker) {
    return new Case(name, ZIP, LIMITS, maker, refusal);
  }

  private static ArchiveBuilder tgz() {
    return ArchiveBuilder.tarGz();
  }

  private static ArchiveBuilder zipB() {
    return ArchiveBuilder.zip();
  }

  private static ArchiveBuilder manyFiles(ArchiveBuilder builder, int count) {
    for (int i = 0; i < count; i++) {
      builder.file("f" + i, "");
    }
    return builder;
  }

  private static ArchiveBuilder manyZeros(ArchiveBuilder builder, int count, long size) {
    for (int i = 0; i < count; i++) {
      builder.zeros("z" + i, size);
    }
    return builder;
  }

  private static void unicodeExtraField(Path archive, Path outside) throws IOException {
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(archive)) {
      ZipArchiveEntry entry = new ZipArchiveEntry("good.txt");
      entry.addExtraField(new UnicodePathExtraField("../outside/evil.txt",
          "good.txt".getBytes(StandardCharsets.UTF_8)));
      zip.putArchiveEntry(entry);
      zip.write("x".getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
    }
  }

  // --- byte-level edits of ZIP headers (little-endian fields at fixed offsets) ---

  private static final byte[] LOCAL = {'P', 'K', 3, 4};
  private static final byte[] CENTRAL = {'P', 'K', 1, 2};

  private static byte[] setFlag(byte[] zip, int bit) {
    ByteBuffer b = le(zip);
    b.putShort(find(zip, LOCAL) + 6, (short) (b.getShort(find(zip, LOCAL) + 6) | bit));
    b.putShort(find(zip, CENTRAL) + 8, (short) (b.getShort(find(zip, CENTRAL) + 8) | bit));
    return zip;
  }

  private static byte[] setMethod(byte[] zip, int method) {
    le(zip).putShort(find(zip, LOCAL) + 8, (short) method).putShort(find(zip, CENTRAL) + 10, (short) method);
    return zip;
  }

  private static byte[] growCompressedSize(byte[] zip, int by) {
    ByteBuffer b = le(zip);
    int at = find(zip, CENTRAL) + 20;
    b.putInt(at, b.getInt(at) + by);
    return zip;
  }

  private static byte[] shrinkDeclaredSize(byte[] zip) {
    return declareSize(zip, le(zip).getInt(find(zip, CENTRAL) + 24) - 5);
  }

  /** Sets the first entry's uncompressed size in the central directory (the one ZipFile trusts). */
  static byte[] declareSize(byte[] zip, int size) {
    le(zip).putInt(find(zip, CENTRAL) + 24, size);
    return zip;
  }

  private static byte[] lieAboutCount(byte[] zip) {
    ByteBuffer b = le(zip);
    int end = zip.length - 22; // no archive comment
    b.putShort(end + 8, (short) (b.getShort(end + 8) + 1)).putShort(end + 10, (short) (b.getShort(end + 10) + 1));
    return zip;
  }

  private static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static int find(byte[] bytes, byte[] signature) {
    for (int i = 0; i + signature.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + signature.length, signature, 0, signature.length)) {
        return i;
      }
    }
    throw new IllegalArgumentException("signature not found");
  }

  private static void truncate(Path archive, byte[] bytes) throws IOException {
    Files.write(archive, Arrays.copyOf(bytes, bytes.length * 6 / 10));
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
