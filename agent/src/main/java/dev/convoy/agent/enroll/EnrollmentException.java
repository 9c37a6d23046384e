package dev.convoy.agent.enroll;

/** Enrollment did not happen; nothing was written. The message is meant for the operator, as is. */
public final class EnrollmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Code {
    /** A command-line value is malformed (usage error). */
    INVALID_ARGUMENT,
    /** The data directory already holds an enrollment and {@code --force} was not given. */
    ALREADY_ENROLLED,
    /** The server's CA is not the pinned one. */
    CA_MISMATCH,
    /** The server refused the token or the request. */
    REFUSED,
    /** The server could not be reached or did not answer. */
    UNREACHABLE,
    /** The server answered with something the agent cannot accept (wrong key, bad chain ...). */
    BAD_RESPONSE,
    /** The data directory could not be written. */
    LOCAL
  }

  private final Code code;

  public EnrollmentException(Code code, String message) {
    this(code, message, null);
  }

  public EnrollmentException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
