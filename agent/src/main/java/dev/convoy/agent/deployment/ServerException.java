package dev.convoy.agent.deployment;

/**
 * A call to the server failed. The gRPC edge maps the call's status to a {@link Code}; only UNAVAILABLE and
 * DEADLINE_EXCEEDED are worth retrying, everything else is the server saying no.
 */
public final class ServerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the call failed (the gRPC status codes the agent distinguishes). */
  public enum Code {
    UNAVAILABLE, DEADLINE_EXCEEDED, UNAUTHENTICATED, PERMISSION_DENIED, INVALID_ARGUMENT, NOT_FOUND,
    FAILED_PRECONDITION, CANCELLED, INTERNAL, OTHER
  }

  private final Code code;

  public ServerException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }

  /** Whether trying again later may succeed (the server was unreachable or slow). */
  public boolean retryable() {
    return code == Code.UNAVAILABLE || code == Code.DEADLINE_EXCEEDED;
  }
}
