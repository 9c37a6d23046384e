package dev.convoy.release;

import java.util.regex.Pattern;

/**
 * A document file inside the container ({@code convoy-release/docs/<name>}), as the signed manifest lists it.
 *
 * @param name file name, {@code [A-Za-z0-9][A-Za-z0-9._-]{0,59}\.md}
 * @param length its length in bytes, 0 to {@link ReleaseFormat#MAX_DOCUMENT_BYTES}
 * @param sha256 its SHA-256, 64 lowercase hex digits
 */
public record DocumentRef(String name, long length, String sha256) {
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,59}\\.md");

  /** @throws IllegalArgumentException naming the field that is wrong */
  public DocumentRef {
    Text.matches("document.name", name, NAME, "[A-Za-z0-9][A-Za-z0-9._-]{0,59}.md");
    Text.range("document.length", length, 0, ReleaseFormat.MAX_DOCUMENT_BYTES);
    Text.sha256("document.sha256", sha256);
  }

  /** The document's container entry name. */
  public String entryName() {
    return ReleaseFormat.DOCS_PREFIX + name;
  }
}
