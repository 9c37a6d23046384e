package dev.convoy.server.knowledge;

import dev.convoy.release.Training;

/**
 * The training item of a release, as signed.
 *
 * @param releaseName the package
 * @param releaseVersion its version
 * @param title the item's title (also what an attestation names)
 * @param audience who should take it
 * @param link a URL, or empty when the item is a document
 * @param document the document's file name, or empty when the item is a link
 */
public record TrainingItem(String releaseName, String releaseVersion, String title, String audience, String link,
    String document) {
  static TrainingItem of(String name, String version, Training t) {
    return new TrainingItem(name, version, t.title(), t.audience(), t.link().orElse(""),
        t.document().map(d -> d.name()).orElse(""));
  }
}
