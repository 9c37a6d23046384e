package dev.convoy.installers.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Every file, directory and symlink under a root, described by type, permissions, size, SHA-256 and link target,
 * so tests can assert "byte-identical to before" and "nothing written outside". Links are never followed.
 */
public final class TreeSnapshot {
  private TreeSnapshot() {}

  public static SortedMap<String, String> of(Path root) {
    return of(root, path -> false);
  }

  /** The tree under {@code root}, skipping {@code excluded} paths and everything below them. */
  public static SortedMap<String, String> of(Path root, Predicate<Path> excluded) {
    SortedMap<String, String> snapshot = new TreeMap<>();
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return snapshot;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.filter(p -> !isBelowExcluded(root, p, excluded))
          .forEach(p -> snapshot.put(root.relativize(p).toString(), describe(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return snapshot;
  }

  private static boolean isBelowExcluded(Path root, Path path, Predicate<Path> excluded) {
    for (Path p = path; p != null && p.startsWith(root); p = p.getParent()) {
      if (excluded.test(p)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Path path) {
    try {
      if (Files.isSymbolicLink(path)) {
        return "link -> " + Files.readSymbolicLink(path);
      }
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        return "dir " + mode;
      }
      byte[] content = Files.readAllBytes(path);
      return "file " + mode + " " + content.length + " " + sha256(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
