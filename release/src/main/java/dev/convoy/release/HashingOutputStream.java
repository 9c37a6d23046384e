package dev.convoy.release;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Counts and hashes (SHA-256) every byte written through it. Not thread-safe. */
final class HashingOutputStream extends FilterOutputStream {
  private final MessageDigest digest = Sha256.newDigest();
  private long count;
  private String sha256;

  HashingOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    digest.update((byte) b);
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    digest.update(b, off, len);
    count += len;
  }

  long count() {
    return count;
  }

  /** The hash of everything written; no more writes after the first call. */
  String sha256() {
    if (sha256 == null) {
      sha256 = Sha256.hex(digest);
    }
    return sha256;
  }
}
