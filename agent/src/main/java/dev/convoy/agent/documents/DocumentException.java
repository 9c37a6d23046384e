package dev.convoy.agent.documents;

/**
 * Why a document or training item cannot be shown or attested. The kind becomes the local socket's error code.
 */
public final class DocumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind { NOT_FOUND, UNVERIFIED, UNAVAILABLE, REFUSED }

  private final Kind kind;

  public DocumentException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public DocumentException(Kind kind, String message) {
    this(kind, message, null);
  }

  public Kind kind() {
    return kind;
  }
}
