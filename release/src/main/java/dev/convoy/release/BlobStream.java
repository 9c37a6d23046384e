package dev.convoy.release;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * The payload blob as it leaves the container: every byte passes through SHA-256 and is counted, whoever reads
 * it (decompressor, copier, or {@link #drain()}). Not thread-safe.
 */
final class BlobStream extends FilterInputStream {
  private final MessageDigest digest = Sha256.newDigest();
  private long count;

  BlobStream(InputStream container) {
    super(container);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    return read(new byte[(int) Math.min(n, 8192)]); // skipped bytes are hashed too
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void close() {
    // the container owns the underlying stream
  }

  /** Reads (and hashes) whatever is left of the blob. */
  void drain() throws IOException {
    byte[] buffer = new byte[64 * 1024];
    while (read(buffer, 0, buffer.length) >= 0) {
      // hashing only
    }
  }

  long count() {
    return count;
  }

  /** The SHA-256 of the bytes read so far; call once, at the end. */
  String sha256() {
    return Sha256.hex(digest);
  }
}
