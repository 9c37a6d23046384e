package dev.convoy.release;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The training item users receive with the release: a link to a course, or a document shipped in the release.
 * Exactly one of {@code link} and {@code document} is present.
 *
 * @param title 1 to 256 characters, no control characters
 * @param audience who should take it, 1 to 256 characters, no control characters
 * @param link an http or https URL of at most 2048 characters
 * @param document the training text
 */
public record Training(String title, String audience, Optional<String> link, Optional<DocumentRef> document) {
  private static final Pattern URL = Pattern.compile("https?://[\\x21-\\x7e]{1,2040}");

  /** @throws IllegalArgumentException naming the field that is wrong */
  public Training {
    Text.plain("training.title", title, 256);
    Text.plain("training.audience", audience, 256);
    Text.required("training.link", link);
    Text.required("training.document", document);
    if (link.isPresent() == document.isPresent()) {
      throw new IllegalArgumentException("training: " + (link.isPresent() ? "both a link and a document" : "neither"
          + " a link nor a document") + " (expected: exactly one)");
    }
    link.ifPresent(l -> Text.matches("training.link", l, URL, "an http(s) URL without spaces, at most 2048"
        + " characters"));
  }

  /** A training item that is a link. */
  public static Training ofLink(String title, String audience, String link) {
    return new Training(title, audience, Optional.of(link), Optional.empty());
  }

  /** A training item that is a document in the release. */
  public static Training ofDocument(String title, String audience, DocumentRef document) {
    return new Training(title, audience, Optional.empty(), Optional.of(document));
  }
}
