package dev.convoy.server.error;

/**
 * Why a domain operation failed, independent of any transport. The gRPC edge maps each code to a status
 * ({@code StatusMapper}); the choice follows the litmus test in grpc-java's {@code Status} Javadoc.
 */
public enum ErrorCode {
  /** A request field is malformed or out of range, whatever the server's state. */
  INVALID_ARGUMENT,
  /** The named resource does not exist. */
  NOT_FOUND,
  /** The resource exists already, with other content. */
  ALREADY_EXISTS,
  /** The caller is known but may not do this (or the credential it presented does not allow it). */
  PERMISSION_DENIED,
  /** The caller presented no usable credential. */
  UNAUTHENTICATED,
  /** A request exceeds a configured size or count limit (the message names the limit). */
  RESOURCE_EXHAUSTED,
  /** The resource is in the wrong state for this operation (e.g. starting a running campaign). */
  FAILED_PRECONDITION,
  /** A concurrent change conflicted with this one; retrying may succeed. */
  ABORTED,
  /** The server is shutting down or a dependency is temporarily unavailable; retry later. */
  UNAVAILABLE,
  /** An invariant broke or I/O failed: a bug or an operational problem, never the caller's fault. */
  INTERNAL
}
