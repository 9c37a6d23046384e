package dev.convoy.server.grpc;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * One encoded {@code DownloadChunk}: its few prefix bytes, then its data read from the payload file on demand. gRPC's
 * framer {@link #drainTo drains} it (it is {@link KnownLength}, so the framer writes it straight into frame
 * buffers): the data goes file → a small per-thread array that stays in the CPU cache → the frame buffer, instead of
 * file → JDK buffer → a new chunk-sized array → protobuf → frame buffer. {@link #read} serves any other reader.
 *
 * <p>Holds one reference to the payload from construction until it is drained, read to its end or closed, whichever
 * comes first. Not thread-safe (a transport reads a message on one thread at a time).
 */
final class PayloadChunkStream extends InputStream implements Drainable, KnownLength {
  /** Size of the per-thread copy buffer: large enough for few reads per chunk, small enough to stay in L2. */
  static final int COPY_BUFFER = 128 * 1024;
  private static final ThreadLocal<byte[]> copyBuffers = ThreadLocal.withInitial(() -> new byte[COPY_BUFFER]);

  private final byte[] prefix;
  private final PayloadFile file;
  private final long end;
  private int prefixAt;
  private long position;
  private boolean released;

  PayloadChunkStream(byte[] prefix, PayloadFile file, long offset, int length) {
    file.retain();
    this.prefix = prefix;
    this.file = file;
    this.position = offset;
    this.end = offset + length;
  }

  @Override
  public int available() {
    return (int) (prefix.length - prefixAt + end - position);
  }

  @Override
  public int drainTo(OutputStream target) throws IOException {
    int drained = available();
    requireOpen();
    try {
      target.write(prefix, prefixAt, prefix.length - prefixAt);
      prefixAt = prefix.length;
      byte[] buffer = copyBuffers.get();
      while (position < end) {
        int size = (int) Math.min(buffer.length, end - position);
        file.readFully(ByteBuffer.wrap(buffer, 0, size), position);
        target.write(buffer, 0, size);
        position += size;
      }
    } finally {
      close();
    }
    return drained;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (available() == 0) {
      close();
      return -1;
    }
    requireOpen();
    if (prefixAt < prefix.length) { // the data is never empty, so the prefix is never the end
      int size = Math.min(length, prefix.length - prefixAt);
      System.arraycopy(prefix, prefixAt, into, offset, size);
      prefixAt += size;
      return size;
    }
    int size = (int) Math.min(length, end - position);
    file.readFully(ByteBuffer.wrap(into, offset, size), position);
    position += size;
    if (position == end) {
      close();
    }
    return size;
  }

  @Override
  public void close() {
    if (!released) {
      released = true;
      file.release();
    }
  }

  private void requireOpen() throws IOException {
    if (released) {
      throw new IOException("chunk stream at " + position + " is closed");
    }
  }
}
