package dev.convoy.agent.grpc;

import dev.convoy.agent.deployment.ServerException;
import io.grpc.Status;
import java.util.EnumMap;
import java.util.Map;

/** gRPC status codes to the agent's {@link ServerException} codes: the one table at the edge. */
final class StatusMapper {
  private static final Map<Status.Code, ServerException.Code> CODES = new EnumMap<>(Status.Code.class);

  static {
    CODES.put(Status.Code.UNAVAILABLE, ServerException.Code.UNAVAILABLE);
    CODES.put(Status.Code.DEADLINE_EXCEEDED, ServerException.Code.DEADLINE_EXCEEDED);
    CODES.put(Status.Code.UNAUTHENTICATED, ServerException.Code.UNAUTHENTICATED);
    CODES.put(Status.Code.PERMISSION_DENIED, ServerException.Code.PERMISSION_DENIED);
    CODES.put(Status.Code.INVALID_ARGUMENT, ServerException.Code.INVALID_ARGUMENT);
    CODES.put(Status.Code.NOT_FOUND, ServerException.Code.NOT_FOUND);
    CODES.put(Status.Code.FAILED_PRECONDITION, ServerException.Code.FAILED_PRECONDITION);
    CODES.put(Status.Code.CANCELLED, ServerException.Code.CANCELLED);
    CODES.put(Status.Code.INTERNAL, ServerException.Code.INTERNAL);
  }

  private StatusMapper() {}

  /** The agent-side exception for a failed call; the gRPC exception stays its cause. */
  static ServerException toServerException(String call, Throwable failure) {
    Status status = Status.fromThrowable(failure);
    ServerException.Code code = brokenConnection(status) ? ServerException.Code.UNAVAILABLE
        : CODES.getOrDefault(status.getCode(), ServerException.Code.OTHER);
    String description = status.getDescription() == null ? status.getCode().name() : status.getDescription();
    return new ServerException(code, call + ": " + description, failure);
  }

  /**
   * Whether the call failed because the connection broke under it: gRPC reports a write on a closed channel as
   * UNKNOWN "channel closed" (it cannot tell whether the server got the call). The server never answers UNKNOWN on
   * purpose, and every call the agent retries is idempotent, so such a failure is retried like UNAVAILABLE rather
   * than taken as a refusal (a status report dropped on a server crash was never sent again).
   */
  static boolean brokenConnection(Status status) {
    if (status.getCode() != Status.Code.UNKNOWN) {
      return false;
    }
    for (Throwable cause = status.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof java.io.IOException) {
        return true;
      }
    }
    return "channel closed".equalsIgnoreCase(String.valueOf(status.getDescription()));
  }
}
