package dev.convoy.agent.download;

import java.io.IOException;

/**
 * The server ended the stream before the declared length. Everything received was verified and kept, so this
 * is an interruption like a dropped connection: the next attempt resumes from {@link #verifiedOffset()}.
 */
public final class IncompleteDownloadException extends IOException {
  private static final long serialVersionUID = 1L;
  private final long verifiedOffset;

  public IncompleteDownloadException(String message, long verifiedOffset) {
    super(message);
    this.verifiedOffset = verifiedOffset;
  }

  public long verifiedOffset() {
    return verifiedOffset;
  }
}
