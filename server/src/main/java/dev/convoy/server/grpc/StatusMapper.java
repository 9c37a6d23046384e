package dev.convoy.server.grpc;

import dev.convoy.server.common.RandomIds;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become gRPC statuses. Domain failures ({@link ConvoyException}) keep their message;
 * anything else is a bug or an operational fault: it is logged once here, with an incident id, and the caller gets
 * INTERNAL with that id only, never the exception's text. Stateless and thread-safe.
 */
public final class StatusMapper {
  private static final Logger logger = LoggerFactory.getLogger(StatusMapper.class);
  private static final Map<ErrorCode, Status.Code> CODES = new EnumMap<>(ErrorCode.class);

  static {
    CODES.put(ErrorCode.INVALID_ARGUMENT, Status.Code.INVALID_ARGUMENT);
    CODES.put(ErrorCode.NOT_FOUND, Status.Code.NOT_FOUND);
    CODES.put(ErrorCode.ALREADY_EXISTS, Status.Code.ALREADY_EXISTS);
    CODES.put(ErrorCode.PERMISSION_DENIED, Status.Code.PERMISSION_DENIED);
    CODES.put(ErrorCode.UNAUTHENTICATED, Status.Code.UNAUTHENTICATED);
    CODES.put(ErrorCode.RESOURCE_EXHAUSTED, Status.Code.RESOURCE_EXHAUSTED);
    CODES.put(ErrorCode.FAILED_PRECONDITION, Status.Code.FAILED_PRECONDITION);
    CODES.put(ErrorCode.ABORTED, Status.Code.ABORTED);
    CODES.put(ErrorCode.UNAVAILABLE, Status.Code.UNAVAILABLE);
    CODES.put(ErrorCode.INTERNAL, Status.Code.INTERNAL);
    for (ErrorCode code : ErrorCode.values()) {
      if (!CODES.containsKey(code)) {
        throw new ExceptionInInitializerError("no gRPC status for " + code);
      }
    }
  }

  private StatusMapper() {}

  /** The status for {@code failure}; see the class comment for what is logged and what is shown. */
  public static Status toStatus(Throwable failure) {
    if (failure instanceof ConvoyException e && e.code() != ErrorCode.INTERNAL) {
      return Status.fromCode(CODES.get(e.code())).withDescription(e.getMessage());
    }
    if (failure instanceof StatusRuntimeException e) {
      return e.getStatus();
    }
    if (failure instanceof StatusException e) {
      return e.getStatus();
    }
    String incident = RandomIds.next("");
    logger.error("internal error incident={}", incident, failure);
    return Status.INTERNAL.withDescription("internal error (incident " + incident + "; see the server log)");
  }

  public static StatusRuntimeException toException(Throwable failure) {
    return toStatus(failure).asRuntimeException();
  }
}
