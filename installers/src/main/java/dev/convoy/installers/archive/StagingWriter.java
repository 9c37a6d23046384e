package dev.convoy.installers.archive;

import dev.convoy.installers.archive.ArchiveItem.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes checked archive entries under one fresh root and nowhere else. Every entry's path is normalised and
 * refused when it escapes, repeats an earlier entry, or lies below a symlink; files are created with CREATE_NEW
 * and NOFOLLOW_LINKS, parents are walked without following links. Not thread-safe (one per extraction).
 */
final class StagingWriter {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final Path root;
  private final ExtractionBudget budget;
  private final Set<String> reservedNames;
  private final Set<String> seen = new HashSet<>();
  private final Map<String, String> symlinks = new LinkedHashMap<>();
  private final List<FileRecord> records = new ArrayList<>();
  private final List<Path> directories = new ArrayList<>();
  private final byte[] buffer = new byte[BUFFER_SIZE];

  StagingWriter(Path root, ExtractionBudget budget, Set<String> reservedNames) {
    this.root = root;
    this.budget = budget;
    this.reservedNames = reservedNames;
    directories.add(root);
  }

  List<FileRecord> records() {
    return records;
  }

  void write(ArchiveItem item) throws IOException, RefusedException {
    if (Thread.currentThread().isInterrupted()) { // cancelled; the flag stays set for the caller
      throw new RefusedException("extraction interrupted");
    }
    budget.countEntry();
    String path = EntryNames.normalise(item.name());
    if (path.isEmpty() && item.kind() == Kind.DIRECTORY) {
      return; // "./": the root itself, which exists
    }
    String shown = EntryNames.printable(item.name());
    if (path.isEmpty()) {
      throw new RefusedException("entry '" + shown + "': names the extraction root itself (expected: a directory)");
    }
    if (reservedNames.contains(path)) {
      throw new RefusedException("entry '" + shown + "': reserved name (expected: a path below the root, not "
          + String.join(", ", reservedNames) + ")");
    }
    if (!seen.add(path)) {
      throw new RefusedException("entry '" + shown + "': duplicate of an earlier entry for '" + path
          + "' (expected: each path once)");
    }
    checkNotBelowSymlink(path, shown);
    try {
      create(path, item, shown);
    } catch (FileAlreadyExistsException e) {
      throw new RefusedException("entry '" + shown + "': '" + path + "' already exists from an earlier entry"
          + " (expected: each path once)");
    }
  }

  private void create(String path, ArchiveItem item, String shown) throws IOException, RefusedException {
    switch (item.kind()) {
      case DIRECTORY -> directory(path);
      case FILE -> file(path, item);
      case SYMLINK -> symlink(path, item.linkTarget());
      case HARDLINK -> throw new RefusedException("entry '" + shown + "': hard link to '"
          + EntryNames.printable(String.valueOf(item.linkTarget())) + "' (expected: no hard links)");
      case SPECIAL -> throw new RefusedException("entry '" + shown + "': " + item.description()
          + " (expected: files, directories and symlinks only)");
    }
  }

  /**
   * Checks what can only be judged once every entry is known: the archive is not empty, and no symlink's target
   * walks through another symlink (a -> ".", b -> "a/a/../.." looks inside lexically but escapes on disk).
   * Then makes the new directory entries durable.
   */
  void finish() throws IOException, RefusedException {
    if (seen.isEmpty()) {
      throw new RefusedException("archive: no entries (expected: at least one file)");
    }
    for (Map.Entry<String, String> link : symlinks.entrySet()) {
      checkNoSymlinkTraversal(link.getKey(), link.getValue());
    }
    for (Path dir : directories) {
      FileTrees.fsyncDirectory(dir);
    }
  }

  private void checkNotBelowSymlink(String path, String shown) throws RefusedException {
    String prefix = "";
    for (String component : EntryNames.parentOf(path)) {
      prefix = prefix.isEmpty() ? component : prefix + "/" + component;
      if (symlinks.containsKey(prefix)) {
        throw new RefusedException("entry '" + shown + "': would be written through symlink '" + prefix
            + "' (expected: no entries below a symlink)");
      }
    }
  }

  private void checkNoSymlinkTraversal(String link, String target) throws RefusedException {
    checkNoSymlinkTraversal(symlinks, link, target);
  }

  /** Refuses a link whose target walks through another of {@code symlinks} (path to target, normalised paths). */
  static void checkNoSymlinkTraversal(Map<String, String> symlinks, String link, String target)
      throws RefusedException {
    Deque<String> at = EntryNames.parentOf(link);
    for (String component : target.split("/")) {
      if (component.isEmpty() || component.equals(".")) {
        continue;
      }
      String here = String.join("/", at);
      if (symlinks.containsKey(here)) {
        throw new RefusedException("symlink '" + EntryNames.printable(link) + "' -> '" + EntryNames.printable(target)
            + "': passes through symlink '" + here + "' (expected: targets that do not traverse symlinks)");
      }
      if (component.equals("..")) {
        at.removeLast(); // cannot underflow: EntryNames.resolveLink accepted this target
      } else {
        at.addLast(component);
      }
    }
  }

  private void directory(String path) throws IOException, RefusedException {
    Path dir = ensureParents(path);
    if (!isDirectory(dir)) {
      Files.createDirectory(dir);
      FileTrees.setMode(dir, FileTrees.DIRECTORY_MODE);
      directories.add(dir);
    }
    records.add(FileRecord.directory(path));
  }

  private void file(String path, ArchiveItem item) throws IOException, RefusedException {
    if (item.size() > 0) {
      budget.checkDeclared(item.name(), item.size());
    }
    Path file = ensureParents(path);
    MessageDigest sha256 = sha256();
    long written = 0;
    try (InputStream in = item.content().open();
        FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        budget.beforeWrite(item.name(), n);
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
        budget.wrote(n);
        sha256.update(buffer, 0, n);
        written += n;
      }
      out.force(true);
    }
    if (item.size() >= 0 && written != item.size()) {
      throw new RefusedException("entry '" + EntryNames.printable(item.name()) + "': " + written
          + " bytes of content (expected: " + item.size() + " as declared)");
    }
    FileTrees.setMode(file, item.executable() ? FileTrees.EXECUTABLE_MODE : FileTrees.FILE_MODE);
    records.add(FileRecord.file(path, written, HexFormat.of().formatHex(sha256.digest()), item.executable()));
  }

  private void symlink(String path, String target) throws IOException, RefusedException {
    EntryNames.resolveLink(path, target);
    Path link = ensureParents(path);
    Files.createSymbolicLink(link, link.getFileSystem().getPath(target));
    symlinks.put(path, target);
    records.add(FileRecord.symlink(path, target));
  }

  /** Creates the missing parents of {@code path} as real directories; returns the entry's own location. */
  private Path ensureParents(String path) throws IOException, RefusedException {
    Path dir = root;
    for (String component : EntryNames.parentOf(path)) {
      dir = dir.resolve(component);
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(dir);
        FileTrees.setMode(dir, FileTrees.DIRECTORY_MODE);
        directories.add(dir);
      } else if (!isDirectory(dir)) {
        throw new RefusedException("entry '" + EntryNames.printable(path) + "': parent '" + root.relativize(dir)
            + "' is not a directory (expected: a directory)");
      }
    }
    Path target = dir.resolve(path.substring(path.lastIndexOf('/') + 1));
    if (!target.normalize().startsWith(root)) {
      throw new IllegalStateException("path escaped the root after the checks: " + path); // a bug, not input
    }
    return target;
  }

  private static boolean isDirectory(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory();
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
