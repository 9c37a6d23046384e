package dev.convoy.installers.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over a payload that was <em>already extracted and verified</em> by the caller (the agent's release
 * reader checks every entry against the signed manifest while extracting), instead of unpacking an archive:
 * the directory is moved into a fresh staging root (one {@code rename(2)} when both are on the same file system,
 * else copied and the source deleted), then walked once to record what it holds ({@link FileRecord}s for the
 * backend's verify step) and to normalise it the way {@link SafeExtractor} leaves a tree.
 *
 * <p>Defence in depth, since the tree is about to become live: the walk never follows links, and refuses
 * special files (devices, fifos, sockets), reserved top-level names, absolute symlinks, symlinks that climb out of
 * the root or pass through another symlink. Modes become 0755 for directories, 0644 for files, or 0755 for files
 * with any execute bit. Every file is fsynced. On refusal the root is removed (the source is gone by then).
 *
 * <p>Stateless and thread-safe; the caller must not touch the source while this runs.
 */
public final class StagedTree {
  private static final Logger logger = LoggerFactory.getLogger(StagedTree.class);
  private static final int BUFFER_SIZE = 64 * 1024;

  private StagedTree() {}

  /** Whether {@code payload} is a directory (not a symlink to one): a payload the caller already extracted. */
  public static boolean isExtracted(Path payload) {
    return payload != null && Files.isDirectory(payload, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Moves {@code source} to {@code root} (which this call creates; its parent must exist) and records it.
   *
   * @param reservedNames top-level names the tree may not use (the backend's own files)
   * @return the outcome, as if extracted; a refused tree is a failed result and {@code root} is removed
   * @throws IllegalArgumentException when {@code root} exists or {@code source} is not a directory
   */
  public static ExtractionResult adopt(Path source, Path root, Set<String> reservedNames) {
    if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("root: " + root + " exists (expected: a path that does not exist yet)");
    }
    if (!isExtracted(source)) {
      throw new IllegalArgumentException("payload: " + source + " (expected: an extracted payload directory)");
    }
    try {
      String how = moveOrCopy(source, root);
      Walk walk = new Walk(root.toAbsolutePath().normalize(), reservedNames);
      walk.run();
      String message = "adopted the verified payload directory (" + how + "): " + walk.records.size()
          + " entries, " + walk.bytes + " bytes";
      return new ExtractionResult(true, message, walk.records, walk.bytes, walk.records.size());
    } catch (RefusedException | IOException e) {
      String reason = e instanceof RefusedException ? e.getMessage() : "payload directory: " + e;
      try {
        FileTrees.deleteRecursively(root);
      } catch (IOException cleanup) {
        logger.warn("could not remove refused staging root={}", root, cleanup);
        reason += "; and the staging root could not be removed: " + cleanup;
      }
      logger.info("payload directory refused root={} reason={}", root, reason);
      return ExtractionResult.refused(reason, 0, 0);
    }
  }

  private static String moveOrCopy(Path source, Path root) throws IOException, RefusedException {
    try {
      Files.move(source, root, StandardCopyOption.ATOMIC_MOVE);
      FileTrees.fsyncDirectory(root.getParent());
      return "renamed";
    } catch (AtomicMoveNotSupportedException e) {
      copyTree(source, root); // another file system: copy, then the source goes (as a rename would)
      FileTrees.deleteRecursively(source);
      return "copied from another file system";
    }
  }

  private static void copyTree(Path source, Path root) throws IOException, RefusedException {
    try (Stream<Path> paths = Files.walk(source)) { // does not follow links
      for (Path from : (Iterable<Path>) paths.sorted()::iterator) {
        Path to = root.resolve(source.relativize(from).toString());
        BasicFileAttributes a = Files.readAttributes(from, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isDirectory()) {
          Files.createDirectory(to);
        } else if (a.isSymbolicLink()) {
          Files.createSymbolicLink(to, Files.readSymbolicLink(from));
        } else if (a.isRegularFile()) {
          Files.copy(from, to, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        } else {
          throw new RefusedException("entry '" + EntryNames.printable(source.relativize(from).toString())
              + "': special file (expected: files, directories and symlinks only)");
        }
      }
    }
  }

  /** One pass over the adopted tree: checks, normalises and records. Confined to one call. */
  private static final class Walk {
    private final Path root;
    private final Set<String> reservedNames;
    private final List<FileRecord> records = new ArrayList<>();
    private final Map<String, String> symlinks = new LinkedHashMap<>();
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private long bytes;

    Walk(Path root, Set<String> reservedNames) {
      this.root = root;
      this.reservedNames = reservedNames;
    }

    void run() throws IOException, RefusedException {
      FileTrees.setMode(root, FileTrees.DIRECTORY_MODE);
      List<Path> paths;
      try (Stream<Path> walk = Files.walk(root)) {
        paths = walk.filter(p -> !p.equals(root)).sorted().toList();
      }
      for (Path path : paths) {
        visit(path, root.relativize(path).toString().replace('\\', '/'));
      }
      for (Map.Entry<String, String> link : symlinks.entrySet()) {
        StagingWriter.checkNoSymlinkTraversal(symlinks, link.getKey(), link.getValue());
      }
      if (records.isEmpty()) {
        throw new RefusedException("payload directory: no entries (expected: at least one file)");
      }
      FileTrees.fsyncDirectory(root);
    }

    private void visit(Path path, String name) throws IOException, RefusedException {
      if (reservedNames.contains(name)) {
        throw new RefusedException("entry '" + EntryNames.printable(name) + "': reserved name (expected: not "
            + String.join(", ", reservedNames) + ")");
      }
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.isDirectory()) {
        FileTrees.setMode(path, FileTrees.DIRECTORY_MODE);
        records.add(FileRecord.directory(name));
      } else if (a.isSymbolicLink()) {
        String target = Files.readSymbolicLink(path).toString();
        EntryNames.resolveLink(name, target);
        symlinks.put(name, target);
        records.add(FileRecord.symlink(name, target));
      } else if (a.isRegularFile()) {
        file(path, name);
      } else {
        throw new RefusedException("entry '" + EntryNames.printable(name) + "': special file (expected: files,"
            + " directories and symlinks only)");
      }
    }

    private void file(Path path, String name) throws IOException {
      boolean executable = isExecutable(path);
      MessageDigest sha256 = sha256();
      long size = 0;
      try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        for (int n = in.read(wrapped); n != -1; n = in.read(wrapped)) {
          sha256.update(buffer, 0, n);
          size += n;
          wrapped.clear();
        }
        in.force(true); // it becomes live without being rewritten: make sure its bytes are on disk
      }
      FileTrees.setMode(path, executable ? FileTrees.EXECUTABLE_MODE : FileTrees.FILE_MODE);
      bytes += size;
      records.add(FileRecord.file(name, size, HexFormat.of().formatHex(sha256.digest()), executable));
    }

    private static boolean isExecutable(Path path) throws IOException {
      if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        return false;
      }
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
      return mode.contains(PosixFilePermission.OWNER_EXECUTE) || mode.contains(PosixFilePermission.GROUP_EXECUTE)
          || mode.contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    private static MessageDigest sha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }
  }
}
