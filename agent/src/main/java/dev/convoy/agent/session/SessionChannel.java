package dev.convoy.agent.session;

import java.time.Instant;

/** The agent's side of one open session stream. */
public interface SessionChannel extends AutoCloseable {
  /** Sends a keep-alive ping stamped {@code at}. */
  void ping(Instant at);

  /** Ends the stream from the agent's side; idempotent. */
  @Override
  void close();
}
