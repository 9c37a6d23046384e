package dev.convoy.agent.session;

/** Opens the long-lived session stream ({@code AgentService.Session}); implemented at the gRPC edge. */
@FunctionalInterface
public interface SessionConnector {
  /**
   * Opens a stream and sends {@code hello} first. Failures to connect surface through
   * {@link SessionListener#closed} (streams are lazy), or as the agent's ServerException.
   */
  SessionChannel open(Hello hello, SessionListener listener);
}
