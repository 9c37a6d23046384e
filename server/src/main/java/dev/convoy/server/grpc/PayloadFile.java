package dev.convoy.server.grpc;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A release payload open for one Download call, shared by the call and the chunk messages it has handed to gRPC:
 * each holder {@link #retain() retains} it and {@link #release() releases} it once, and the channel closes with the
 * last release. The Netty transport serialises a message inside {@code onNext}, but a transport may keep the message
 * and serialise it later (the in-process one does): the count keeps the file open until then, however the call ended.
 *
 * <p>Reads are positional (no shared position), so holders may read concurrently. Thread-safe.
 */
final class PayloadFile {
  private static final Logger logger = LoggerFactory.getLogger(PayloadFile.class);

  private final SeekableByteChannel channel;
  private final String name;
  private final long length;
  private final AtomicInteger references = new AtomicInteger(1);

  /**
   * Takes ownership of {@code channel} (one reference, the caller's).
   *
   * @param name what error messages call the payload (its SHA-256)
   * @param length how many bytes the payload must have
   */
  PayloadFile(SeekableByteChannel channel, String name, long length) {
    this.channel = channel;
    this.name = name;
    this.length = length;
  }

  /** The payload's declared length. */
  long length() {
    return length;
  }

  /**
   * Throws unless the file on disk has at least the declared length, so that a truncated payload is refused before
   * its first byte is sent rather than part-way through.
   */
  void requireComplete() throws IOException {
    long size = channel.size();
    if (size < length) {
      throw new EOFException(shorter(size));
    }
  }

  /** Adds a holder. @throws IllegalStateException if the file was closed already */
  void retain() {
    if (references.getAndUpdate(n -> n == 0 ? 0 : n + 1) == 0) {
      throw new IllegalStateException("payload " + name + " is closed");
    }
  }

  /** Drops a holder; the last one closes the channel. Each holder calls it exactly once. */
  void release() {
    if (references.decrementAndGet() == 0) {
      try {
        channel.close();
      } catch (IOException e) {
        logger.warn("cannot close payload sha256={} reason={}", name, e.getMessage());
      }
    }
  }

  /**
   * Fills {@code into} with the bytes at {@code position}.
   *
   * @throws EOFException if the file ends first (it is shorter than its release says)
   */
  void readFully(ByteBuffer into, long position) throws IOException {
    long at = position;
    while (into.hasRemaining()) {
      int read = read(into, at);
      if (read < 0) {
        throw new EOFException(shorter(at));
      }
      at += read;
    }
  }

  private int read(ByteBuffer into, long position) throws IOException {
    if (channel instanceof FileChannel file) {
      return file.read(into, position);
    }
    synchronized (channel) {
      channel.position(position);
      return channel.read(into);
    }
  }

  private String shorter(long size) {
    return "payload " + name + " is shorter than its release says (" + size + " bytes, expected: " + length + ")";
  }
}
