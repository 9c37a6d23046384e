package dev.convoy.cli.release;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Packs a directory into a reproducible tar.gz: the same tree gives the same bytes (and SHA-256) on every run, so
 * publishing the same content twice is recognised as the same release.
 *
 * <p>What makes it reproducible: entries sorted by path (byte order of the UTF-8 names, directories before their
 * contents), every mtime {@link #MTIME}, uid/gid 0 with owner names {@code root}, modes normalised to 0755 for
 * directories and executable files and 0644 for other files (so a checkout's umask does not leak in), symbolic
 * links stored as links, a gzip header without file name or time. Paths longer than 100 bytes use PAX headers,
 * whose owner name commons-compress takes from the packing user: identical for one user, not across users.
 *
 * <p>Thread-safe: no state.
 */
public final class DeterministicTarGz {
  /** The mtime of every entry: 1980-01-01T00:00:00Z, the earliest time every archive format can hold. */
  public static final Instant MTIME = Instant.parse("1980-01-01T00:00:00Z");

  private DeterministicTarGz() {}

  /**
   * Writes {@code directory}'s tree (not the directory itself) to {@code target} as tar.gz.
   *
   * @throws IllegalArgumentException if {@code directory} is not a directory
   * @throws IOException if a file cannot be read or the target written
   */
  public static void pack(Path directory, OutputStream target) throws IOException {
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("pack: " + directory + " (expected: a directory)");
    }
    GzipParameters gzip = new GzipParameters();
    gzip.setModificationTime(0);
    try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(nonClosing(target), gzip);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Path file : sortedTree(directory)) {
        write(tar, directory, file);
      }
      tar.finish();
    }
  }

  /** Packs {@code directory} into the file {@code target} (created or replaced). */
  public static void pack(Path directory, Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target)) {
      pack(directory, out);
    }
  }

  private static List<Path> sortedTree(Path directory) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.filter(p -> !p.equals(directory)).forEach(files::add);
    }
    files.sort(Comparator.comparing(p -> entryName(directory, p)));
    return files;
  }

  /** Forward slashes, directories with a trailing slash: the sort key and the name in the archive. */
  static String entryName(Path root, Path file) {
    String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    return Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? name + "/" : name;
  }

  private static void write(TarArchiveOutputStream tar, Path root, Path file) throws IOException {
    String name = entryName(root, file);
    TarArchiveEntry entry;
    boolean regular = false;
    if (Files.isSymbolicLink(file)) {
      entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
      entry.setLinkName(Files.readSymbolicLink(file).toString());
      entry.setMode(0120777);
    } else if (Files.isDirectory(file)) {
      entry = new TarArchiveEntry(name);
      entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
    } else {
      entry = new TarArchiveEntry(name);
      entry.setMode(isExecutable(file) ? 0100755 : 0100644);
      entry.setSize(Files.size(file));
      regular = true;
    }
    entry.setModTime(FileTime.from(MTIME));
    entry.setUserId(0);
    entry.setGroupId(0);
    entry.setUserName("root");
    entry.setGroupName("root");
    tar.putArchiveEntry(entry);
    if (regular) {
      Files.copy(file, tar);
    }
    tar.closeArchiveEntry();
  }

  /** Any execute bit set: the owner's bit alone would lose a file that only its group may run. */
  private static boolean isExecutable(Path file) throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return permissions.contains(PosixFilePermission.OWNER_EXECUTE)
          || permissions.contains(PosixFilePermission.GROUP_EXECUTE)
          || permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
    } catch (UnsupportedOperationException e) {
      return Files.isExecutable(file);
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
