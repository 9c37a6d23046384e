package dev.convoy.installers.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Reads ZIP archives through the central directory ({@link ZipFile}), after checking the archive as a whole: entry
 * count (bounded walk first), every local header agreeing with its central record (name, method, no encryption),
 * entries not overlapping, only stored or deflated data. A streaming reader trusting local headers would see
 * different names than one trusting the central directory; refusing any disagreement closes that gap.
 * Not thread-safe.
 */
final class ZipReader implements ArchiveReader {
  private static final int UNIX_TYPE_MASK = 0170000;
  private static final int UNIX_DIRECTORY = 0040000;
  private static final int UNIX_FILE = 0100000;
  private static final int UNIX_SYMLINK = 0120000;
  private static final int MAX_LINK_TARGET = 4096;

  private final ZipFile zip;
  private final Iterator<ZipArchiveEntry> entries;
  private InputStreamStatistics current;
  private long finishedCompressed;

  private ZipReader(ZipFile zip, List<ZipArchiveEntry> entries) {
    this.zip = zip;
    this.entries = entries.iterator();
  }

  static ZipReader open(Path archive, ExtractionLimits limits) throws IOException, RefusedException {
    try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.READ)) {
      ZipDirectoryScan.Counts counts = ZipDirectoryScan.count(channel, limits.maxEntries());
      if (counts.claimed() != counts.walked()) {
        throw new RefusedException("zip: end record claims " + counts.claimed() + " entries, central directory has "
            + counts.walked() + " (expected: equal)");
      }
      ZipFile zip = ZipFile.builder().setPath(archive).setUseUnicodeExtraFields(false).get();
      try {
        List<ZipArchiveEntry> entries = Collections.list(zip.getEntriesInPhysicalOrder());
        if (entries.size() != counts.walked()) {
          throw new RefusedException("zip: read " + entries.size() + " entries, central directory has "
              + counts.walked() + " (expected: equal)");
        }
        checkStructure(zip, channel, entries);
        return new ZipReader(zip, entries);
      } catch (IOException | RefusedException | RuntimeException e) {
        zip.close();
        throw e;
      }
    }
  }

  private static void checkStructure(ZipFile zip, FileChannel channel, List<ZipArchiveEntry> entries)
      throws IOException, RefusedException {
    long previousEnd = 0;
    String previousName = null;
    for (ZipArchiveEntry entry : entries) {
      String name = EntryNames.printable(entry.getName());
      long start = entry.getLocalHeaderOffset();
      if (start < previousEnd) {
        throw new RefusedException("zip entry '" + name + "': overlaps entry '" + previousName
            + "' (expected: disjoint entries)");
      }
      long dataStart = checkLocalHeader(channel, entry, name);
      if (entry.getMethod() != ZipArchiveEntry.STORED && entry.getMethod() != ZipArchiveEntry.DEFLATED) {
        throw new RefusedException("zip entry '" + name + "': compression method " + entry.getMethod()
            + " (expected: 0 stored or 8 deflated)");
      }
      if (!zip.canReadEntryData(entry)) {
        throw new RefusedException("zip entry '" + name + "': encrypted or unreadable (expected: plain data)");
      }
      previousEnd = dataStart + entry.getCompressedSize();
      if (entry.getCompressedSize() < 0 || previousEnd > channel.size()) {
        throw new RefusedException("zip entry '" + name + "': data runs past the end of the archive");
      }
      previousName = name;
    }
  }

  /** Checks the entry's local header against its central record; returns where its data starts. */
  private static long checkLocalHeader(FileChannel channel, ZipArchiveEntry entry, String name)
      throws IOException, RefusedException {
    long offset = entry.getLocalHeaderOffset();
    ByteBuffer header = ZipDirectoryScan.read(channel, offset, 30);
    if (header.getInt(0) != ZipDirectoryScan.LOCAL_HEADER) {
      throw new RefusedException("zip entry '" + name + "': no local header at offset " + offset);
    }
    int nameLength = Short.toUnsignedInt(header.getShort(26));
    byte[] localName = ZipDirectoryScan.read(channel, offset + 30, nameLength).array();
    if (!Arrays.equals(localName, entry.getRawName())) {
      throw new RefusedException("zip entry '" + name + "': local header names it '"
          + EntryNames.printable(new String(localName, StandardCharsets.UTF_8))
          + "' (expected: the same name as the central directory)");
    }
    if ((header.getShort(6) & 1) != 0 || Short.toUnsignedInt(header.getShort(8)) != entry.getMethod()) {
      throw new RefusedException("zip entry '" + name + "': local header flags or method differ from the"
          + " central directory (expected: the same, unencrypted)");
    }
    for (byte b : entry.getRawName()) {
      // Checked on the raw bytes: ZipArchiveEntry turns '\\' into '/' for archives made on FAT file systems.
      if (b == '\\') {
        throw new RefusedException("zip entry '" + name + "': backslash in name (expected: '/' as the only separator)");
      }
    }
    return offset + 30 + nameLength + Short.toUnsignedInt(header.getShort(28));
  }

  @Override
  public ArchiveItem next() throws IOException, RefusedException {
    finishEntry();
    if (!entries.hasNext()) {
      return null;
    }
    ZipArchiveEntry entry = entries.next();
    String name = entry.getName();
    int type = entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? entry.getUnixMode() & UNIX_TYPE_MASK : 0;
    if (entry.isDirectory() || type == UNIX_DIRECTORY) {
      return ArchiveItem.directory(name);
    } else if (type == UNIX_SYMLINK) {
      return ArchiveItem.symlink(name, linkTarget(entry, name));
    } else if (type != 0 && type != UNIX_FILE) {
      return ArchiveItem.special(name, "special file (unix mode " + Integer.toOctalString(entry.getUnixMode()) + ")");
    }
    boolean executable = type != 0 && (entry.getUnixMode() & 0111) != 0;
    return ArchiveItem.file(name, entry.getSize(), executable, () -> open(entry));
  }

  private String linkTarget(ZipArchiveEntry entry, String name) throws IOException, RefusedException {
    try (InputStream in = open(entry)) {
      byte[] target = in.readNBytes(MAX_LINK_TARGET + 1);
      if (target.length > MAX_LINK_TARGET) {
        throw new RefusedException("zip entry '" + EntryNames.printable(name) + "': symlink target longer than "
            + MAX_LINK_TARGET + " bytes");
      }
      return new String(target, StandardCharsets.UTF_8);
    }
  }

  private InputStream open(ZipArchiveEntry entry) throws IOException {
    finishEntry();
    InputStream in = zip.getInputStream(entry);
    current = in instanceof InputStreamStatistics statistics ? statistics : null;
    return in;
  }

  private void finishEntry() {
    if (current != null) {
      finishedCompressed += current.getCompressedCount();
      current = null;
    }
  }

  @Override
  public long compressedBytesRead() {
    return finishedCompressed + (current == null ? 0 : current.getCompressedCount());
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
