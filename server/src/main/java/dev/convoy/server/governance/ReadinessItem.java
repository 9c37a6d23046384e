package dev.convoy.server.governance;

import java.util.Locale;
import java.util.Optional;

/** What a release needs before a production campaign may use it, and the document kind that provides each. */
public enum ReadinessItem {
  RUNBOOK("runbook", "production runbook", "runbook"),
  USER_DOC("user-doc", "user documentation", "user_doc"),
  KB("kb", "technician KB article", "kb_article"),
  TRAINING("training", "training item", "training");

  private final String key;
  private final String label;
  private final String documentKind;

  ReadinessItem(String key, String label, String documentKind) {
    this.key = key;
    this.label = label;
    this.documentKind = documentKind;
  }

  /** As written on the command line: {@code runbook}, {@code user-doc}, {@code kb}, {@code training}. */
  public String key() {
    return key;
  }

  /** As people read it, e.g. {@code technician KB article}. */
  public String label() {
    return label;
  }

  /** The release document kind that provides it (ReleaseDocument.kind). */
  public String documentKind() {
    return documentKind;
  }

  public static Optional<ReadinessItem> fromKey(String key) {
    String k = key.strip().toLowerCase(Locale.ROOT);
    for (ReadinessItem item : values()) {
      if (item.key.equals(k) || item.name().toLowerCase(Locale.ROOT).equals(k)) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  /** Every key, comma-separated, for messages. */
  public static String keys() {
    StringBuilder text = new StringBuilder();
    for (ReadinessItem item : values()) {
      text.append(text.isEmpty() ? "" : ", ").append(item.key);
    }
    return text.toString();
  }
}
