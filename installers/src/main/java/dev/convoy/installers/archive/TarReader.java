package dev.convoy.installers.archive;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Reads tar and tar.gz archives as a stream; compressed bytes are counted at the file. Not thread-safe. */
final class TarReader implements ArchiveReader {
  private final CountingInputStream counted;
  private final TarArchiveInputStream tar;

  TarReader(Path archive, boolean gzipped) throws IOException {
    counted = new CountingInputStream(new BufferedInputStream(Files.newInputStream(archive), 64 * 1024));
    try {
      InputStream body = gzipped ? GzipCompressorInputStream.builder().setInputStream(counted).get() : counted;
      tar = new TarArchiveInputStream(body);
    } catch (IOException | RuntimeException e) {
      counted.close();
      throw e;
    }
  }

  @Override
  public ArchiveItem next() throws IOException {
    TarArchiveEntry entry = tar.getNextEntry();
    if (entry == null) {
      return null;
    }
    String name = entry.getName();
    if (entry.isSymbolicLink()) {
      return ArchiveItem.symlink(name, entry.getLinkName());
    } else if (entry.isLink()) {
      return ArchiveItem.hardlink(name, entry.getLinkName());
    } else if (entry.isCharacterDevice()) {
      return ArchiveItem.special(name, "character device");
    } else if (entry.isBlockDevice()) {
      return ArchiveItem.special(name, "block device");
    } else if (entry.isFIFO()) {
      return ArchiveItem.special(name, "fifo");
    } else if (entry.isSparse()) {
      return ArchiveItem.special(name, "sparse file");
    } else if (entry.isDirectory()) {
      return ArchiveItem.directory(name);
    } else if (entry.isFile()) {
      return ArchiveItem.file(name, entry.getSize(), (entry.getMode() & 0111) != 0, this::content);
    }
    return ArchiveItem.special(name, "unsupported tar entry type");
  }

  private InputStream content() {
    return new FilterInputStream(tar) {
      @Override
      public void close() {
        // The tar stream carries the next entries; only TarReader.close() may close it.
      }
    };
  }

  @Override
  public long compressedBytesRead() {
    return counted.count();
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}
