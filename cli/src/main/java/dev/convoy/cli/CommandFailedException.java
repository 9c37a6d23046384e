package dev.convoy.cli;

/**
 * A command could not do its job for a reason other than a gRPC status (a file that cannot be read, a quick start
 * step that timed out): printed as {@code error: <message>}, exit code 1.
 */
public final class CommandFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CommandFailedException(String message) {
    super(message);
  }

  public CommandFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
