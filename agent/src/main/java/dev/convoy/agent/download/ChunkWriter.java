package dev.convoy.agent.download;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;

/**
 * Checks each received chunk against the manifest (offset, size, hash, declared length), then appends it to the
 * partial file and feeds it to the whole-payload digest. Not thread-safe: one stream feeds it.
 */
final class ChunkWriter implements ChunkSink {
  private final FileChannel channel;
  private final PayloadSpec spec;
  private final MessageDigest whole;
  private final RateLimiter rateLimiter;
  private long offset;

  /**
   * @param offset the verified offset the partial file ends at (a chunk boundary)
   * @param whole the digest, already fed with the verified prefix
   */
  ChunkWriter(FileChannel channel, PayloadSpec spec, long offset, MessageDigest whole, RateLimiter rateLimiter) {
    this.channel = channel;
    this.spec = spec;
    this.offset = offset;
    this.whole = whole;
    this.rateLimiter = rateLimiter;
  }

  /** Where the next chunk must start: everything before it is verified and written. */
  long offset() {
    return offset;
  }

  /** The whole payload's hex SHA-256 (call once, after the last chunk). */
  String wholeSha256() {
    return Sha256.hex(whole);
  }

  @Override
  public void accept(long chunkOffset, ByteBuffer data) throws IOException {
    verify(chunkOffset, data);
    try {
      rateLimiter.acquire(data.remaining());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("download interrupted at offset " + offset);
    }
    whole.update(data.duplicate());
    ByteBuffer buffer = data.duplicate();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    offset += data.remaining();
  }

  private void verify(long chunkOffset, ByteBuffer data) {
    if (offset >= spec.length() || offset + data.remaining() > spec.length()) {
      throw new PayloadVerificationException("chunk at offset " + chunkOffset + ": " + data.remaining()
          + " bytes would go beyond the declared length " + spec.length() + " (verified so far: " + offset + ")");
    }
    if (chunkOffset != offset) {
      throw new PayloadVerificationException("chunk offset: " + chunkOffset + " (expected: " + offset + ")");
    }
    int index = (int) (offset / spec.chunkSize());
    if (data.remaining() != spec.chunkLength(index)) {
      throw new PayloadVerificationException("chunk " + index + " size: " + data.remaining()
          + " bytes (expected: " + spec.chunkLength(index) + ")");
    }
    String actual = Sha256.hex(data);
    if (!actual.equals(spec.chunkSha256().get(index))) {
      throw new PayloadVerificationException("chunk " + index + " sha256: " + actual
          + " (expected: " + spec.chunkSha256().get(index) + ")");
    }
  }
}
