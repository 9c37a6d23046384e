package dev.convoy.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Packs a directory into a deterministic tar.gz and lists every entry: entries sorted by path, directories 0755,
 * files 0644 or 0755 (any execute bit), symlinks kept as links (their targets must stay inside), owner 0/0 and
 * time 0 everywhere, a gzip header without name or time. The same tree gives the same entry list on every
 * machine, and the same bytes with the same zlib. Stateless and thread-safe.
 */
final class PayloadPacker {
  private static final Set<PosixFilePermission> EXECUTE = Set.of(PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);

  private record Item(String path, Path file, BasicFileAttributes attributes) {}

  private PayloadPacker() {}

  /**
   * Writes the tar.gz of {@code root}'s contents to {@code out} (not closed).
   *
   * @return every entry, in archive order
   * @throws IllegalArgumentException for an empty tree, a special file, a bad name or an escaping symlink
   * @throws IOException when reading the tree fails or it changes while being packed
   */
  static List<PayloadEntry> pack(Path root, OutputStream out) throws IOException {
    List<Item> items = walk(root);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("payload directory " + root + ": empty (expected: at least one entry)");
    }
    GzipParameters gzip = new GzipParameters();
    gzip.setModificationTime(0);
    gzip.setOperatingSystem(255); // "unknown": the header must not depend on the build machine
    List<PayloadEntry> entries = new ArrayList<>(items.size());
    GzipCompressorOutputStream compressed = new GzipCompressorOutputStream(nonClosing(out), gzip);
    try (compressed) {
      PayloadTarWriter tar = new PayloadTarWriter(compressed);
      for (Item item : items) {
        entries.add(add(tar, item));
      }
      tar.finish();
    }
    return entries;
  }

  private static PayloadEntry add(PayloadTarWriter tar, Item item) throws IOException {
    BasicFileAttributes a = item.attributes();
    if (a.isDirectory()) {
      tar.directory(item.path());
      return PayloadEntry.directory(item.path());
    }
    if (a.isSymbolicLink()) {
      String target = Files.readSymbolicLink(item.file()).toString();
      PayloadEntry entry = entry(() -> PayloadEntry.symlink(item.path(), target));
      tar.symlink(item.path(), target);
      return entry;
    }
    if (!a.isRegularFile()) {
      throw new IllegalArgumentException("payload entry " + Text.quoted(item.path()) + ": not a regular file,"
          + " directory or symlink (expected: only those)");
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(item.file(), LinkOption.NOFOLLOW_LINKS);
    int mode = permissions.stream().anyMatch(EXECUTE::contains) ? PayloadEntry.EXECUTABLE_MODE : PayloadEntry.FILE_MODE;
    try (InputStream in = Files.newInputStream(item.file(), LinkOption.NOFOLLOW_LINKS)) {
      String sha256 = tar.file(item.path(), mode, a.size(), in);
      return PayloadEntry.file(item.path(), mode, a.size(), sha256);
    }
  }

  private static List<Item> walk(Path root) throws IOException {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("payload directory " + root + ": not a directory (expected: a directory)");
    }
    List<Item> items = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        if (!dir.equals(root)) {
          items.add(item(root, dir, attributes));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        items.add(item(root, file, attributes));
        return FileVisitResult.CONTINUE;
      }
    });
    items.sort((x, y) -> PayloadPaths.compare(x.path(), y.path()));
    return items;
  }

  private static Item item(Path root, Path file, BasicFileAttributes attributes) {
    List<String> parts = new ArrayList<>();
    root.relativize(file).forEach(p -> parts.add(p.toString()));
    String path = String.join("/", parts);
    entry(() -> PayloadPaths.checkPath("payload path", path));
    return new Item(path, file, attributes);
  }

  private static <T> T entry(java.util.function.Supplier<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("payload directory: " + e.getMessage(), e);
    }
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
