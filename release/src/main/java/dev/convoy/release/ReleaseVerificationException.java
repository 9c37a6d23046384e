package dev.convoy.release;

import java.util.Objects;

/**
 * A release was refused: an expected outcome for hostile or damaged input, so unchecked and carrying a stable
 * {@link VerificationReason}. The message names what was wrong and what was expected, e.g.
 * {@code "payload entry 'bin/tool': 17 bytes (expected: 16, as the manifest lists)"}.
 */
public final class ReleaseVerificationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final VerificationReason reason;

  /**
   * @param reason why, never null
   * @param message what was wrong and what was expected
   */
  public ReleaseVerificationException(VerificationReason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Same, keeping the exception that revealed the problem. */
  public ReleaseVerificationException(VerificationReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The stable reason code. */
  public VerificationReason reason() {
    return reason;
  }

  @Override
  public String toString() {
    return "ReleaseVerificationException[" + reason + "]: " + getMessage();
  }
}
