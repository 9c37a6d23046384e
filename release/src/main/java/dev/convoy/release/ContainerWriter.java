package dev.convoy.release;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Writes the container: plain POSIX ustar regular-file entries, then the end-of-archive marker (two zero blocks),
 * nothing else. Does not close the stream. Not thread-safe.
 */
final class ContainerWriter {
  private static final byte[] ZEROS = new byte[TarHeader.BLOCK];

  private final OutputStream out;
  private final byte[] buffer = new byte[64 * 1024];

  ContainerWriter(OutputStream out) {
    this.out = out;
  }

  void add(String name, byte[] content) throws IOException {
    out.write(TarHeader.encode(name, content.length));
    out.write(content);
    pad(content.length);
  }

  /** Copies exactly {@code size} bytes of {@code content}. @throws EOFException when it holds fewer */
  void add(String name, long size, InputStream content) throws IOException {
    out.write(TarHeader.encode(name, size));
    long left = size;
    while (left > 0) {
      int n = content.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new EOFException(name + ": " + (size - left) + " bytes (expected: " + size + ")");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
    pad(size);
  }

  void finish() throws IOException {
    out.write(ZEROS);
    out.write(ZEROS);
    out.flush();
  }

  private void pad(long size) throws IOException {
    int rest = (int) (size % TarHeader.BLOCK);
    if (rest != 0) {
      out.write(ZEROS, 0, TarHeader.BLOCK - rest);
    }
  }
}
