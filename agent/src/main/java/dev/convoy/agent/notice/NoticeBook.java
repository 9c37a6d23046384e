package dev.convoy.agent.notice;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.convoy.agent.storage.AtomicFile;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notices shown on this endpoint, newest last, in {@code DIR/notices.json}: written like the journal (temp
 * file, fsync, atomic rename, fsync directory) so a crash leaves the old list or the new one. Keeps the last
 * {@value #KEEP}. Thread-safe.
 *
 * <p>Read and written with Gson's streaming reader and writer, not its reflective {@code Gson} object: the book is
 * opened when the daemon starts, and reflective Gson would load ~120 classes into the idle agent for it
 * (BENCHMARKS.md, scenario 6). The file is the same: a pretty-printed array of objects, null fields left out.
 */
public final class NoticeBook {
  private static final Logger logger = LoggerFactory.getLogger(NoticeBook.class);
  /** How many notices are kept. */
  public static final int KEEP = 200;

  private final Path file;
  private final List<DeliveredNotice> notices = new ArrayList<>(); // guarded by this

  /** Opens the book in {@code file}; an unreadable file is logged and starts an empty list. */
  public NoticeBook(Path file) {
    this.file = file;
    if (Files.isRegularFile(file)) {
      try {
        notices.addAll(read(Files.readString(file, StandardCharsets.UTF_8)));
      } catch (IOException | RuntimeException e) {
        logger.error("notices unreadable file={} reason=\"{}\" (starting an empty list)", file, e.getMessage());
      }
    }
  }

  /** Every notice kept, oldest first. */
  public synchronized List<DeliveredNotice> all() {
    return List.copyOf(notices);
  }

  /** Whether a notice of {@code deploymentId} was shown already (a later attempt does not show it again). */
  public synchronized boolean contains(String deploymentId) {
    return notices.stream().anyMatch(n -> n.deploymentId().equals(deploymentId));
  }

  /**
   * Adds {@code notice} durably.
   *
   * @throws UncheckedIOException if it cannot be written (the list on disk is then unchanged)
   */
  public synchronized void add(DeliveredNotice notice) {
    List<DeliveredNotice> next = new ArrayList<>(notices);
    next.add(notice);
    while (next.size() > KEEP) {
      next.remove(0);
    }
    try {
      AtomicFile.write(file, write(next).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    notices.clear();
    notices.addAll(next);
  }

  /** The file's text: an array of objects with the record's fields, {@code shownAt} as ISO-8601 text. */
  static String write(List<DeliveredNotice> notices) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonWriter json = new JsonWriter(text)) {
      json.setIndent("  ");
      json.setSerializeNulls(false);
      json.setHtmlSafe(true); // as Gson wrote it: the same bytes as before
      json.beginArray();
      for (DeliveredNotice n : notices) {
        json.beginObject();
        json.name("deploymentId").value(n.deploymentId());
        json.name("campaignId").value(n.campaignId());
        json.name("campaignTitle").value(n.campaignTitle());
        json.name("action").value(n.action());
        json.name("packageName").value(n.packageName());
        json.name("version").value(n.version());
        json.name("title").value(n.title());
        json.name("message").value(n.message());
        json.name("shownAt").value(n.shownAt().toString());
        json.endObject();
      }
      json.endArray();
    }
    return text.toString();
  }

  /** The notices in {@code text}; unknown fields are skipped, {@code null} is an empty list. */
  static List<DeliveredNotice> read(String text) throws IOException {
    List<DeliveredNotice> read = new ArrayList<>();
    try (JsonReader json = new JsonReader(new StringReader(text))) {
      if (json.peek() == JsonToken.NULL) {
        return read;
      }
      json.beginArray();
      while (json.hasNext()) {
        read.add(notice(json));
      }
      json.endArray();
    }
    return read;
  }

  private static DeliveredNotice notice(JsonReader json) throws IOException {
    java.util.Map<String, String> fields = new java.util.HashMap<>();
    json.beginObject();
    while (json.hasNext()) {
      String name = json.nextName();
      if (json.peek() == JsonToken.STRING) {
        fields.put(name, json.nextString());
      } else {
        json.skipValue();
      }
    }
    json.endObject();
    String shownAt = fields.get("shownAt");
    return new DeliveredNotice(fields.get("deploymentId"), fields.get("campaignId"), fields.get("campaignTitle"),
        fields.get("action"), fields.get("packageName"), fields.get("version"), fields.get("title"),
        fields.get("message"), shownAt == null ? null : Instant.parse(shownAt));
  }
}
