package dev.convoy.agent.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe file replacement: write a temporary file in the same directory, fsync it, rename it over the
 * target atomically, then fsync the directory so that the rename itself survives a power cut. A reader sees
 * either the old content or the new one, never a torn file. Thread-safe (each call uses its own temp file).
 */
public final class AtomicFile {
  private AtomicFile() {}

  /**
   * Replaces {@code target} with {@code content}, creating its parent directories.
   *
   * @throws IOException if any step fails; the target then still holds its previous content
   */
  public static void write(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      move(temp, target);
      syncDirectory(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Renames {@code source} to {@code target} atomically (replacing it) and fsyncs the directory. */
  public static void rename(Path source, Path target) throws IOException {
    move(source, target);
    syncDirectory(target.toAbsolutePath().getParent());
  }

  /** Makes directory entries (creations, renames, deletions) in {@code dir} durable. */
  public static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems refuse to open a directory for fsync; the rename is still atomic there.
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }

  private static void move(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
