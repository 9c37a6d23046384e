package dev.convoy.server.catalogue;

import java.util.Objects;

/**
 * A document carried in a signed release, as its manifest lists (and signs) it.
 *
 * @param kind release_notes, user_doc, runbook, kb_article or training
 * @param name file name inside the release, e.g. runbook.md
 * @param title KB article or training title; empty for the other kinds
 * @param id KB article id; empty for the other kinds
 */
public record ReleaseDocument(String kind, String name, String title, String id, long length, String sha256) {
  public ReleaseDocument {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    title = Objects.requireNonNullElse(title, "");
    id = Objects.requireNonNullElse(id, "");
    Objects.requireNonNull(sha256, "sha256");
  }
}
