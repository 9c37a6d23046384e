package dev.convoy.agent.local;

import com.google.gson.JsonObject;

/**
 * One command of the local socket protocol, registered by name with {@link LocalRequestHandler#register}. It
 * answers {@link LocalReplies#ok} or {@link LocalReplies#error}; an {@link IllegalArgumentException} becomes an
 * {@code invalid_argument} answer. Implementations are thread-safe.
 */
@FunctionalInterface
public interface LocalCommand {
  /**
   * @param request the request object (its {@code command} field names this command)
   * @param user the local user who sent it, as the operating system reports the socket's peer ("" if unknown)
   */
  JsonObject handle(JsonObject request, String user);
}
