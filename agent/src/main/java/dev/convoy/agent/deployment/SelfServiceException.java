package dev.convoy.agent.deployment;

/** A user's request the agent (or the server) cannot grant; the message is written for the user. */
public final class SelfServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Kind {
    /** Nothing here matches the request (unknown package name or campaign). */
    NOT_FOUND,
    /** The deployment is in a state that does not allow it, or busy. */
    NOT_NOW,
    /** The server refused it (its message says why). */
    REFUSED,
    /** The server cannot be reached now. */
    UNAVAILABLE
  }

  private final Kind kind;

  public SelfServiceException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
