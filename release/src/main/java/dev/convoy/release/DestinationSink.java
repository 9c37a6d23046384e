package dev.convoy.release;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the payload to a path that did not exist: a staging directory holding the extracted tree (archive
 * payloads) or a single file. Entries are created with CREATE_NEW and NOFOLLOW_LINKS below real directories only,
 * and each resolved path is checked to stay below the root, on top of the manifest's own path rules. On discard
 * the whole destination goes, and nothing outside it was ever touched. Not thread-safe.
 */
final class DestinationSink implements PayloadSink {
  private static final Logger logger = LoggerFactory.getLogger(DestinationSink.class);

  private final Path destination;
  private final List<Path> directories = new ArrayList<>();
  private boolean created;

  DestinationSink(Path destination) {
    this.destination = destination.toAbsolutePath().normalize();
  }

  @Override
  public void open(PayloadFormat format) throws IOException {
    if (format == PayloadFormat.TAR_GZ) {
      Files.createDirectory(destination); // fails if something appeared there meanwhile
      created = true;
      FileTrees.setMode(destination, FileTrees.DIRECTORY_MODE);
      directories.add(destination);
    }
  }

  @Override
  public void directory(String path, int mode) throws IOException {
    Path dir = resolve(path);
    Files.createDirectory(dir);
    FileTrees.setMode(dir, mode);
    directories.add(dir);
  }

  @Override
  public OutputStream file(String path) throws IOException {
    return create(resolve(path));
  }

  @Override
  public void fileDone(String path, int mode) throws IOException {
    FileTrees.setMode(resolve(path), mode);
  }

  @Override
  public void symlink(String path, String target) throws IOException {
    Path link = resolve(path);
    Files.createSymbolicLink(link, link.getFileSystem().getPath(target));
  }

  @Override
  public OutputStream blob() throws IOException {
    OutputStream out = create(destination);
    created = true;
    FileTrees.setMode(destination, FileTrees.FILE_MODE);
    return out;
  }

  @Override
  public void commit() throws IOException {
    for (Path dir : directories) {
      FileTrees.fsyncDirectory(dir);
    }
    FileTrees.fsyncDirectory(destination.getParent());
  }

  @Override
  public void discard() {
    if (!created) {
      return;
    }
    try {
      FileTrees.deleteRecursively(destination);
    } catch (IOException e) {
      logger.warn("could not remove refused payload destination={}", destination, e);
    }
  }

  @Override
  public Optional<Path> location() {
    return Optional.of(destination);
  }

  private static OutputStream create(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
    return new FilterOutputStream(Channels.newOutputStream(channel)) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        try {
          channel.force(true);
        } finally {
          super.close();
        }
      }
    };
  }

  /** The entry's location; its parent must already be a real directory (not a link) below the root. */
  private Path resolve(String path) throws IOException {
    Path target = destination.resolve(path).normalize();
    if (!target.startsWith(destination) || target.equals(destination)) {
      throw new IllegalStateException("payload path escaped the destination after the checks: " + path); // a bug
    }
    Path parent = target.getParent();
    boolean directory;
    try {
      directory = Files.readAttributes(parent, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory();
    } catch (NoSuchFileException e) {
      directory = false;
    }
    if (!directory) {
      throw new IllegalStateException("payload path " + path + " has no directory parent after the checks"); // a bug
    }
    return target;
  }
}
