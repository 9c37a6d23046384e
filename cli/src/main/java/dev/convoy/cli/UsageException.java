package dev.convoy.cli;

/**
 * The command line was wrong or incomplete (a missing server address, a malformed option value): exit code 2.
 * The message names the option and what was expected.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
