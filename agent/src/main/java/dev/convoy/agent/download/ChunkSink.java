package dev.convoy.agent.download;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Receives the chunks of a payload as a {@link PayloadSource} streams them. */
@FunctionalInterface
public interface ChunkSink {
  /**
   * Takes one chunk. Throwing stops the transfer: the source cancels its call and rethrows.
   *
   * @param offset where the chunk claims to start in the payload
   * @param data the chunk's bytes (read-only; valid only during this call)
   * @throws IOException if the chunk cannot be stored
   * @throws PayloadVerificationException if the chunk is not what the manifest declares
   */
  void accept(long offset, ByteBuffer data) throws IOException;
}
