package dev.convoy.installers.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads an archive's entries one by one, in archive order, whatever the format. Not thread-safe.
 */
interface ArchiveReader extends Closeable {
  /**
   * The next entry, or null at the end. The previous entry's content is no longer readable.
   *
   * @throws IOException when the archive is truncated or corrupt
   * @throws RefusedException when the archive's structure is refused (zip header mismatch ...)
   */
  ArchiveItem next() throws IOException, RefusedException;

  /** Compressed bytes consumed so far, for the compression-ratio cap. */
  long compressedBytesRead();

  /**
   * Opens {@code archive} as {@code format}. ZIP archives are checked as a whole here, before any entry is
   * returned (entry count, local/central header agreement, overlaps, methods).
   */
  static ArchiveReader open(Path archive, ArchiveFormat format, ExtractionLimits limits)
      throws IOException, RefusedException {
    return switch (format) {
      case TAR_GZ -> new TarReader(archive, true);
      case TAR -> new TarReader(archive, false);
      case ZIP -> ZipReader.open(archive, limits);
    };
  }
}
