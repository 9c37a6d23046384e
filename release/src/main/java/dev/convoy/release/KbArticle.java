package dev.convoy.release;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A technician knowledge-base article shipped with the release, and the failures it covers (so the technician
 * console can offer the right article for the state and exit code at hand).
 *
 * @param id unique within the release, {@code [A-Za-z0-9][A-Za-z0-9._-]{0,47}}
 * @param title 1 to 256 characters, no control characters
 * @param covers the deployment states and installer exit codes the article is about
 * @param document the article's text
 */
public record KbArticle(String id, String title, Coverage covers, DocumentRef document) {
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,47}");

  /**
   * What an article covers.
   *
   * @param states deployment or lifecycle state names, {@code [A-Z][A-Z0-9_]{0,63}}, at most 64
   * @param exitCodes installer exit codes (any 32-bit value), at most 256
   */
  public record Coverage(List<String> states, List<Integer> exitCodes) {
    private static final Pattern STATE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** @throws IllegalArgumentException naming the field that is wrong */
    public Coverage {
      states = List.copyOf(states);
      exitCodes = List.copyOf(exitCodes);
      Text.range("covers.states size", states.size(), 0, 64);
      Text.range("covers.exit_codes size", exitCodes.size(), 0, 256);
      states.forEach(s -> Text.matches("covers.states", s, STATE, "a state name such as INSTALLING"));
    }
  }

  /** @throws IllegalArgumentException naming the field that is wrong */
  public KbArticle {
    Text.matches("kb.id", id, ID, "[A-Za-z0-9][A-Za-z0-9._-]{0,47}");
    Text.plain("kb.title", title, 256);
    Text.required("kb.covers", covers);
    Text.required("kb.document", document);
  }
}
