package dev.convoy.agent.download;

import java.io.IOException;

/** Where payload bytes come from: the server's {@code Download} stream, at the edge. */
@FunctionalInterface
public interface PayloadSource {
  /**
   * Streams the payload of {@code deploymentId}'s release from {@code offset} to its end into {@code sink},
   * returning when the server ends the stream.
   *
   * @throws IOException what {@code sink} threw
   * @throws RuntimeException whatever the transport fails with (the agent's ServerException), unchanged
   */
  void fetch(String deploymentId, long offset, ChunkSink sink) throws IOException;
}
