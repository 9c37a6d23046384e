package dev.convoy.server.knowledge;

import dev.convoy.server.catalogue.SemVer;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reading the knowledge base: text search, one article by id, and the articles that cover a failure. Stateless over
 * the {@link KnowledgeIndex}; thread-safe.
 */
public final class KnowledgeBase {
  /** Results of one search at most. */
  public static final int MAX_RESULTS = 500;
  static final int DEFAULT_RESULTS = 50;
  private static final int MAX_EXCERPT = 160;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,47}");
  private static final Pattern REF = Pattern.compile("([^@]+)@([^@]+)@([^@]+)");

  private final KnowledgeIndex index;

  public KnowledgeBase(KnowledgeIndex index) {
    this.index = index;
  }

  /**
   * Articles holding every word of {@code text} (case-insensitive) in their title or text: best score first, then
   * newest release first.
   *
   * @throws ConvoyException INVALID_ARGUMENT for an empty or over-long text, or a limit out of range
   */
  public KbSearch search(String text, int limit) {
    Require.text("text", text, 256);
    int max = limit == 0 ? DEFAULT_RESULTS : (int) Require.inRange("limit", limit, 1, MAX_RESULTS);
    List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).trim().split("\\s+"))
        .filter(w -> !w.isEmpty()).distinct().toList();
    List<KbMatch> matches = new ArrayList<>();
    for (KbEntry entry : index.entries()) {
      score(entry, words).ifPresent(score -> matches.add(new KbMatch(entry, score, excerpt(entry.text(), words))));
    }
    // A stable sort keeps the index's newest-first order within one score.
    matches.sort(Comparator.comparingInt(KbMatch::score).reversed());
    return new KbSearch(List.copyOf(matches.subList(0, Math.min(max, matches.size()))), matches.size());
  }

  /**
   * One search's answer.
   *
   * @param matches the best {@code limit} matches
   * @param total how many articles matched in all
   */
  public record KbSearch(List<KbMatch> matches, int total) {}

  /**
   * The article {@code ID} (from the newest release carrying it) or {@code ID@NAME@VERSION}.
   *
   * @throws ConvoyException INVALID_ARGUMENT for a malformed id, NOT_FOUND if no release carries it
   */
  public KbEntry show(String idOrRef) {
    var ref = REF.matcher(idOrRef);
    String id = ref.matches() ? ref.group(1) : idOrRef;
    Require.matches("id", id, ID, "a KB article id, or ID@NAME@VERSION");
    Optional<String> release = ref.matches() ? Optional.of(ref.group(2) + "@" + ref.group(3)) : Optional.empty();
    return index.find(id, release).orElseThrow(() -> ConvoyException.notFound("id: no KB article " + idOrRef
        + (release.isPresent() ? "" : " in any release") + " (expected: an id that convoy kb search lists)"));
  }

  /** Other releases carrying the same article id as {@code entry}, newest first. */
  public List<KbEntry> otherReleases(KbEntry entry) {
    return index.entries().stream().filter(e -> e.id().equals(entry.id()) && !e.ref().equals(entry.ref())).toList();
  }

  /**
   * The articles whose declared coverage matches a failure of {@code name@version}: those of that release first,
   * then of the package's other versions, highest version first. Within one release an article matching both the
   * exit code and the state comes before one matching either.
   *
   * @param state the state the deployment failed in (e.g. INSTALLING), empty to match on the exit code only
   * @param exitCode the installer's exit code, empty to match on the state only
   */
  public List<KbEntry> forFailure(String name, String version, Optional<String> state, OptionalInt exitCode) {
    SemVer failed = SemVer.parse("release_version", version);
    return index.entries().stream().filter(e -> e.releaseName().equals(name))
        .filter(e -> relevance(e, state, exitCode) > 0)
        .sorted(Comparator.<KbEntry, Boolean>comparing(e -> !e.version().equals(failed))
            .thenComparing(KbEntry::version, Comparator.reverseOrder())
            .thenComparing(e -> -relevance(e, state, exitCode)))
        .toList();
  }

  private static int relevance(KbEntry e, Optional<String> state, OptionalInt exitCode) {
    int code = exitCode.isPresent() && e.exitCodes().contains(exitCode.getAsInt()) ? 2 : 0;
    int st = state.isPresent() && e.states().contains(state.get()) ? 1 : 0;
    return code + st;
  }

  private static Optional<Integer> score(KbEntry entry, List<String> words) {
    String title = entry.lowerTitle();
    String text = entry.lowerText();
    int score = 0;
    for (String word : words) {
      if (title.contains(word) || entry.id().toLowerCase(Locale.ROOT).equals(word)) {
        score += 3;
      } else if (text.contains(word)) {
        score += 1;
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(score);
  }

  private static String excerpt(String text, List<String> words) {
    for (String line : text.split("\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (words.stream().anyMatch(lower::contains)) {
        String trimmed = line.strip();
        return trimmed.length() <= MAX_EXCERPT ? trimmed : trimmed.substring(0, MAX_EXCERPT) + "…";
      }
    }
    return "";
  }
}
