package dev.convoy.installers.archive;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Counts a ZIP's central directory records with a bounded walk, before {@link
 * org.apache.commons.compress.archivers.zip.ZipFile} loads them all into memory: an archive with millions of tiny
 * records is refused here without filling the heap. Also reads local file headers for the consistency checks.
 * Stateless and thread-safe.
 */
final class ZipDirectoryScan {
  static final int LOCAL_HEADER = 0x04034b50;
  private static final int CENTRAL_HEADER = 0x02014b50;
  private static final int END_RECORD = 0x06054b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;
  private static final int ZIP64_END_RECORD = 0x06064b50;
  private static final int END_RECORD_SIZE = 22;
  private static final int MAX_COMMENT = 0xffff;

  /** What the end record claims and what the walk found. */
  record Counts(long claimed, long walked) {}

  private ZipDirectoryScan() {}

  /**
   * @throws RefusedException when there is no end record, the archive spans disks, or the walk passes {@code max}
   */
  static Counts count(FileChannel channel, long max) throws IOException, RefusedException {
    long size = channel.size();
    long end = findEndRecord(channel, size);
    ByteBuffer record = read(channel, end, END_RECORD_SIZE);
    if (record.getShort(4) != 0 || record.getShort(6) != 0) {
      throw new RefusedException("zip: spans several disks (expected: a single-file archive)");
    }
    long claimed = Short.toUnsignedLong(record.getShort(10));
    long offset = Integer.toUnsignedLong(record.getInt(16));
    if (claimed == 0xffff || offset == 0xffffffffL) {
      ByteBuffer zip64 = zip64EndRecord(channel, end);
      claimed = zip64.getLong(32);
      offset = zip64.getLong(48);
    }
    return new Counts(claimed, walk(channel, offset, size, max));
  }

  private static long walk(FileChannel channel, long offset, long size, long max)
      throws IOException, RefusedException {
    long count = 0;
    long position = offset;
    while (position >= 0 && position + 46 <= size) {
      ByteBuffer header = read(channel, position, 46);
      if (header.getInt(0) != CENTRAL_HEADER) {
        break;
      }
      if (++count > max) {
        throw new RefusedException("zip: more than " + max + " entries (expected: <= " + max
            + "; parameter maxEntries)");
      }
      position += 46L + Short.toUnsignedInt(header.getShort(28)) + Short.toUnsignedInt(header.getShort(30))
          + Short.toUnsignedInt(header.getShort(32));
    }
    return count;
  }

  private static long findEndRecord(FileChannel channel, long size) throws IOException, RefusedException {
    int tail = (int) Math.min(size, END_RECORD_SIZE + MAX_COMMENT);
    if (tail < END_RECORD_SIZE) {
      throw new RefusedException("zip: " + size + " bytes is too short for a ZIP archive (expected: >= 22)");
    }
    ByteBuffer buffer = read(channel, size - tail, tail);
    for (int i = tail - END_RECORD_SIZE; i >= 0; i--) {
      if (buffer.getInt(i) == END_RECORD) {
        return size - tail + i;
      }
    }
    throw new RefusedException("zip: no end of central directory record (expected: a complete ZIP archive)");
  }

  private static ByteBuffer zip64EndRecord(FileChannel channel, long end) throws IOException, RefusedException {
    if (end < 20 || read(channel, end - 20, 20).getInt(0) != ZIP64_LOCATOR) {
      throw new RefusedException("zip: ZIP64 values without a ZIP64 locator (expected: a consistent archive)");
    }
    long position = read(channel, end - 20, 20).getLong(8);
    ByteBuffer record = read(channel, position, 56);
    if (record.getInt(0) != ZIP64_END_RECORD) {
      throw new RefusedException("zip: ZIP64 end record missing at " + position + " (expected: a consistent archive)");
    }
    return record;
  }

  /** The {@code length} bytes at {@code position}, little-endian. */
  static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
    if (position < 0) {
      throw new EOFException("zip: negative offset " + position);
    }
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("zip: " + length + " bytes at offset " + position + " run past the end");
      }
    }
    return buffer.flip();
  }
}
