package dev.convoy.server.error;

import java.util.Objects;

/**
 * A domain failure: an {@link ErrorCode} and a message that says what was wrong and what was expected,
 * e.g. {@code "uses: 0 (expected: >= 1)"}. Messages are shown to callers, so they never carry secrets.
 *
 * <p>Immutable and unchecked: domain services throw it, the gRPC edge maps it once.
 */
public final class ConvoyException extends RuntimeException {
  private final ErrorCode code;

  public ConvoyException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ConvoyException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }

  public static ConvoyException invalidArgument(String message) {
    return new ConvoyException(ErrorCode.INVALID_ARGUMENT, message);
  }

  public static ConvoyException notFound(String message) {
    return new ConvoyException(ErrorCode.NOT_FOUND, message);
  }

  public static ConvoyException permissionDenied(String message) {
    return new ConvoyException(ErrorCode.PERMISSION_DENIED, message);
  }

  public static ConvoyException failedPrecondition(String message) {
    return new ConvoyException(ErrorCode.FAILED_PRECONDITION, message);
  }

  public static ConvoyException alreadyExists(String message) {
    return new ConvoyException(ErrorCode.ALREADY_EXISTS, message);
  }

  public static ConvoyException internal(String message, Throwable cause) {
    return new ConvoyException(ErrorCode.INTERNAL, message, cause);
  }
}
