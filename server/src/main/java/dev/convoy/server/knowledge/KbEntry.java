package dev.convoy.server.knowledge;

import dev.convoy.server.catalogue.SemVer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One KB article of one release, as its signed manifest declares it, with its verified text. Immutable.
 *
 * @param releaseName the package
 * @param releaseVersion its version (semver)
 * @param publishedAt when the release was published (orders releases of different packages)
 * @param id the article id, unique within the release
 * @param title the article title
 * @param states deployment states the article covers
 * @param exitCodes installer exit codes the article covers
 * @param document the article's file name inside the release
 * @param text the article's Markdown, as verified against the manifest
 */
public record KbEntry(String releaseName, String releaseVersion, Instant publishedAt, String id, String title,
    List<String> states, List<Integer> exitCodes, String document, String text) {
  public KbEntry {
    Objects.requireNonNull(releaseName, "releaseName");
    Objects.requireNonNull(releaseVersion, "releaseVersion");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(id, "id");
    states = List.copyOf(states);
    exitCodes = List.copyOf(exitCodes);
  }

  /** {@code name@version}. */
  public String releaseRef() {
    return releaseName + "@" + releaseVersion;
  }

  /** {@code ID@name@version}: names this article in this release. */
  public String ref() {
    return id + "@" + releaseRef();
  }

  SemVer version() {
    return SemVer.parse("version", releaseVersion);
  }

  String lowerTitle() {
    return title.toLowerCase(Locale.ROOT);
  }

  String lowerText() {
    return text.toLowerCase(Locale.ROOT);
  }
}
