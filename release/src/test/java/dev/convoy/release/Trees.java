package dev.convoy.release;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

/** Snapshots of directory trees for byte-exact comparison: path to "type mode content-hash-or-target". */
final class Trees {
  private Trees() {}

  /** Every entry below {@code root} (not following links), with type, permission bits and content hash. */
  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) throws IOException {
        if (!dir.equals(root)) {
          out.put(name(root, dir), "dir " + mode(dir));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
        if (a.isSymbolicLink()) {
          out.put(name(root, file), "symlink -> " + Files.readSymbolicLink(file));
        } else {
          out.put(name(root, file), "file " + mode(file) + " " + Sha256.hex(Files.readAllBytes(file)));
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return out;
  }

  private static String name(Path root, Path file) {
    return root.relativize(file).toString();
  }

  private static String mode(Path file) throws IOException {
    return ManifestCodec.mode(FileTrees.mode(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)));
  }
}
