package dev.convoy.installers.script;

import dev.convoy.installers.archive.FileTrees;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The crash-safe file steps the script and deb backends share: small {@code key=value} marker files replaced
 * atomically (a reader sees the old or the new content), fsync of directories, and deletion that never follows
 * links. Stateless and thread-safe.
 */
public final class DurableFiles {
  private DurableFiles() {}

  /** Replaces {@code target} with {@code key=value} lines: temp file, fsync, atomic rename, fsync of the parent. */
  public static void writeMarker(Path target, Map<String, String> values) throws IOException {
    StringBuilder text = new StringBuilder();
    values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    fsyncDirectory(target.getParent());
  }

  /** The {@code key=value} lines of {@code marker}, or empty when it does not exist. */
  public static Optional<Map<String, String>> readMarker(Path marker) throws IOException {
    if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return Optional.of(values);
  }

  /** Deletes {@code path} if it exists and makes that durable. */
  public static void delete(Path path) throws IOException {
    if (Files.deleteIfExists(path)) {
      fsyncDirectory(path.getParent());
    }
  }

  /** Makes the directory's entries (creations, renames, deletions) durable. */
  public static void fsyncDirectory(Path dir) throws IOException {
    FileTrees.fsyncDirectory(dir);
  }

  /** Deletes {@code root} and everything below it; symlinks are deleted, never followed. Absent is fine. */
  public static void deleteRecursively(Path root) throws IOException {
    FileTrees.deleteRecursively(root);
  }

  /** Removes {@code dir} when it is an empty directory; anything else is left alone. */
  public static void deleteIfEmpty(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var entries = Files.list(dir)) {
      if (entries.findAny().isEmpty()) {
        Files.deleteIfExists(dir);
        fsyncDirectory(dir.getParent());
      }
    }
  }
}
