package dev.convoy.server.storage.file;

import dev.convoy.server.catalogue.ContentStore;
import dev.convoy.server.error.ConvoyException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payloads as files, content-addressed: {@code ROOT/sha256/ab/<64 hex>} where {@code ab} are the first two hex
 * digits (so no directory grows past a few thousand entries). Uploads are written to {@code ROOT/tmp/} and renamed
 * into place atomically after fsync, so a payload file either is complete and verified or does not exist.
 * Leftover temporary files (a crash mid-upload) are deleted on start.
 *
 * <p>Thread-safe: uploads of the same content may race; both rename identical bytes onto the same name.
 */
public final class FileContentStore implements ContentStore {
  private static final Logger logger = LoggerFactory.getLogger(FileContentStore.class);
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path blobs;
  private final Path temp;

  /** @throws IOException if the directories cannot be created or cleaned */
  public FileContentStore(Path root) throws IOException {
    this.blobs = root.resolve("sha256");
    this.temp = root.resolve("tmp");
    Files.createDirectories(blobs);
    Files.createDirectories(temp);
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(temp)) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
        logger.info("deleted unfinished upload file={}", leftover);
      }
    }
  }

  /** Where the payload with this hash lives (whether or not it exists). */
  public Path path(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256: '" + sha256 + "' (expected: 64 lowercase hex digits)");
    }
    return blobs.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  @Override
  public Upload begin(long declaredLength, int chunkSize) {
    try {
      Path file = Files.createTempFile(temp, "upload-", ".part");
      FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
      return new FileUpload(this, file, channel, declaredLength, chunkSize);
    } catch (IOException e) {
      throw ConvoyException.internal("content store: cannot create upload file in " + temp, e);
    }
  }

  @Override
  public boolean contains(String sha256) {
    return Files.isRegularFile(path(sha256));
  }

  @Override
  public SeekableByteChannel open(String sha256) {
    try {
      return FileChannel.open(path(sha256), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw ConvoyException.notFound("payload " + sha256 + " is not in the content store");
    } catch (IOException e) {
      throw ConvoyException.internal("content store: cannot open payload " + sha256, e);
    }
  }

  /** Moves a complete, synced upload into place unless that content is stored already. */
  void install(Path file, String sha256) throws IOException {
    Path target = path(sha256);
    if (Files.exists(target)) {
      Files.delete(file);
      return;
    }
    Files.createDirectories(target.getParent());
    Files.move(file, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
      directory.force(true); // the rename itself must survive a crash
    }
  }
}
