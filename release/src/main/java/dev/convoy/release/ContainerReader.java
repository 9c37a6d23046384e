package dev.convoy.release;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Reads the container strictly and in one pass: POSIX ustar headers with valid checksums, zero padding, the
 * end-of-archive marker, at most {@link ReleaseFormat#MAX_TRAILING_ZERO_BYTES} zero bytes after it. Hashes every
 * byte it consumes (the release file's SHA-256). Remembers whether the input ended early or the source failed,
 * so callers can report that rather than whatever a decompressor made of it. Not thread-safe.
 */
final class ContainerReader {
  /**
   * One entry header.
   *
   * @param name the entry name (ISO-8859-1 decoded)
   * @param type the typeflag byte
   * @param size content size
   * @param offset the header's position in the container
   */
  record Entry(String name, byte type, long size, long offset) {}

  private final InputStream source;
  private final MessageDigest digest = Sha256.newDigest();
  private final byte[] block = new byte[TarHeader.BLOCK];
  private long position;
  private long remaining; // content bytes of the current entry not yet consumed
  private long padding;
  private boolean truncated;
  private IOException sourceFailure;

  ContainerReader(InputStream source) {
    this.source = source;
  }

  /**
   * The next entry, or null after the end-of-archive marker. Skips what is left of the current entry.
   *
   * @throws ReleaseVerificationException TRUNCATED, MALFORMED_CONTAINER
   */
  Entry next() throws IOException {
    skipRest();
    long offset = position;
    if (!readBlock()) {
      throw truncated("container: ends at byte " + position + " without the end-of-archive marker (expected: two"
          + " zero blocks after the last entry)");
    }
    if (TarHeader.isZero(block)) {
      if (!readBlock()) {
        throw truncated("container: ends inside the end-of-archive marker (expected: a second zero block)");
      }
      if (!TarHeader.isZero(block)) {
        throw malformed("container: byte " + (position - TarHeader.BLOCK) + ": a header after one zero block"
            + " (expected: two zero blocks end the archive)");
      }
      return null;
    }
    TarHeader.Decoded header = TarHeader.decode(block, offset);
    remaining = header.size();
    padding = (TarHeader.BLOCK - header.size() % TarHeader.BLOCK) % TarHeader.BLOCK;
    return new Entry(header.name(), header.type(), header.size(), offset);
  }

  /** The current entry's whole content. @throws ReleaseVerificationException TRUNCATED */
  byte[] readAll(Entry entry) throws IOException {
    byte[] content = new byte[Math.toIntExact(entry.size())];
    int done = 0;
    while (done < content.length) {
      int n = read(content, done, content.length - done);
      if (n < 0) {
        throw truncated("container: ends inside entry '" + entry.name() + "' after " + done + " of " + entry.size()
            + " bytes");
      }
      done += n;
    }
    return content;
  }

  /** The current entry's content as a stream; it throws EOFException (and marks truncation) if the input ends. */
  InputStream content() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        if (remaining == 0) {
          return -1;
        }
        int n = ContainerReader.this.read(b, off, len);
        if (n < 0) {
          truncated = true;
          throw new EOFException("container: ends inside an entry with " + remaining + " bytes missing");
        }
        return n;
      }
    };
  }

  /** After the end marker: only zero padding may follow, then the end of input. */
  void finish() throws IOException {
    long trailing = 0;
    for (int n = fill(block, 0, block.length); n > 0; n = fill(block, 0, block.length)) {
      for (int i = 0; i < n; i++) {
        if (block[i] != 0) {
          throw malformed("container: non-zero byte at " + (position - n + i) + " after the end-of-archive marker"
              + " (expected: nothing but zero padding)");
        }
      }
      trailing += n;
      if (trailing > ReleaseFormat.MAX_TRAILING_ZERO_BYTES) {
        throw malformed("container: more than " + ReleaseFormat.MAX_TRAILING_ZERO_BYTES + " bytes after the"
            + " end-of-archive marker (expected: at most one record of zero padding)");
      }
    }
  }

  boolean truncated() {
    return truncated;
  }

  /** The source's own I/O failure, if one happened (as opposed to bad content). */
  IOException sourceFailure() {
    return sourceFailure;
  }

  /** SHA-256 of every byte consumed; call after {@link #finish()} for the release file's hash. */
  String sha256() {
    return Sha256.hex(digest);
  }

  long position() {
    return position;
  }

  private int read(byte[] b, int off, int len) throws IOException {
    int n = fill(b, off, (int) Math.min(len, remaining));
    if (n > 0) {
      remaining -= n;
    }
    return n;
  }

  private void skipRest() throws IOException {
    byte[] skip = new byte[8192];
    while (remaining > 0) {
      if (read(skip, 0, skip.length) < 0) {
        throw truncated("container: ends inside an entry with " + remaining + " bytes missing");
      }
    }
    while (padding > 0) {
      int n = fill(skip, 0, (int) padding);
      if (n < 0) {
        throw truncated("container: ends inside an entry's padding");
      }
      for (int i = 0; i < n; i++) {
        if (skip[i] != 0) {
          throw malformed("container: non-zero padding byte at " + (position - n + i) + " (expected: zeros)");
        }
      }
      padding -= n;
    }
  }

  /** Reads a whole block; false at a clean end of input before it; truncation inside it. */
  private boolean readBlock() throws IOException {
    int done = 0;
    while (done < block.length) {
      int n = fill(block, done, block.length - done);
      if (n < 0) {
        if (done == 0) {
          return false;
        }
        throw truncated("container: ends inside a header at byte " + position);
      }
      done += n;
    }
    return true;
  }

  /** One read from the source, hashed and counted; -1 at its end. */
  private int fill(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = source.read(b, off, len);
    } catch (IOException e) {
      sourceFailure = e;
      throw e;
    }
    if (n > 0) {
      digest.update(b, off, n);
      position += n;
    }
    return n;
  }

  private ReleaseVerificationException truncated(String message) {
    truncated = true;
    return new ReleaseVerificationException(VerificationReason.TRUNCATED, message);
  }

  private static ReleaseVerificationException malformed(String message) {
    return new ReleaseVerificationException(VerificationReason.MALFORMED_CONTAINER, message);
  }
}
