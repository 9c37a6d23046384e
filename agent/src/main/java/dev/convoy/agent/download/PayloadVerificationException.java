package dev.convoy.agent.download;

/**
 * The payload, or one chunk of it, is not what the release manifest declares (hash, size, offset or length).
 * The partial file has been deleted and nothing may be installed from it: the deployment ends in
 * FAILED_VERIFICATION.
 */
public final class PayloadVerificationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PayloadVerificationException(String message) {
    super(message);
  }
}
