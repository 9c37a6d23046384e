package dev.convoy.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The builder's document inputs: Markdown files read once (at most {@link ReleaseFormat#MAX_DOCUMENT_BYTES},
 * strict UTF-8), so the bytes hashed into the manifest are the bytes written. Not thread-safe.
 */
final class DocumentSources {
  record Article(String id, String title, KbArticle.Coverage covers, Path file) {}

  record TrainingSource(String title, String audience, String link, Path file) {}

  Path releaseNotes;
  Path userDoc;
  Path runbook;
  final List<Article> articles = new ArrayList<>();
  TrainingSource training;
  private final Map<String, byte[]> contents = new HashMap<>();

  ReleaseDocuments refs() throws IOException {
    Optional<DocumentRef> notes = optional("release-notes.md", releaseNotes);
    Optional<DocumentRef> user = optional("user-doc.md", userDoc);
    Optional<DocumentRef> book = optional("runbook.md", runbook);
    List<KbArticle> kb = new ArrayList<>();
    for (Article a : articles) {
      Text.matches("kb.id", a.id(), KbArticle.ID, "[A-Za-z0-9][A-Za-z0-9._-]{0,47}");
      kb.add(new KbArticle(a.id(), a.title(), a.covers(), load("kb-" + a.id() + ".md", a.file())));
    }
    Optional<Training> train = Optional.empty();
    if (training != null) {
      train = Optional.of(training.link() != null
          ? Training.ofLink(training.title(), training.audience(), training.link())
          : Training.ofDocument(training.title(), training.audience(), load("training.md", training.file())));
    }
    return new ReleaseDocuments(notes, user, book, kb, train);
  }

  byte[] content(String name) {
    return contents.get(name);
  }

  private Optional<DocumentRef> optional(String name, Path file) throws IOException {
    return file == null ? Optional.empty() : Optional.of(load(name, file));
  }

  private DocumentRef load(String name, Path file) throws IOException {
    byte[] content;
    try (InputStream in = Files.newInputStream(file)) {
      content = in.readNBytes(ReleaseFormat.MAX_DOCUMENT_BYTES + 1);
    }
    if (content.length > ReleaseFormat.MAX_DOCUMENT_BYTES) {
      throw new IllegalArgumentException("document " + file + ": more than " + ReleaseFormat.MAX_DOCUMENT_BYTES
          + " bytes (expected: at most " + ReleaseFormat.MAX_DOCUMENT_BYTES + ")");
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("document " + file + ": not valid UTF-8 (expected: UTF-8 Markdown)", e);
    }
    contents.put(name, content);
    return new DocumentRef(name, content.length, Sha256.hex(content));
  }
}
