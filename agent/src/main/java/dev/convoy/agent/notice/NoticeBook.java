package dev.convoy.agent.notice;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import dev.convoy.agent.storage.AtomicFile;
import java.io.IOException;
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
 */
public final class NoticeBook {
  private static final Logger logger = LoggerFactory.getLogger(NoticeBook.class);
  /** How many notices are kept. */
  public static final int KEEP = 200;

  private final Path file;
  private final Gson gson = new GsonBuilder().setPrettyPrinting().create();
  private final List<DeliveredNotice> notices = new ArrayList<>(); // guarded by this

  /** Opens the book in {@code file}; an unreadable file is logged and starts an empty list. */
  public NoticeBook(Path file) {
    this.file = file;
    if (Files.isRegularFile(file)) {
      try {
        List<Stored> stored = gson.fromJson(Files.readString(file, StandardCharsets.UTF_8),
            new TypeToken<List<Stored>>() { }.getType());
        if (stored != null) {
          stored.forEach(s -> notices.add(s.toNotice()));
        }
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
      AtomicFile.write(file, gson.toJson(next.stream().map(Stored::of).toList()).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    notices.clear();
    notices.addAll(next);
  }

  /** The JSON form: instants as ISO-8601 text (Gson cannot reflect into java.time on Java 17). */
  private record Stored(String deploymentId, String campaignId, String campaignTitle, String action,
      String packageName, String version, String title, String message, String shownAt) {
    static Stored of(DeliveredNotice n) {
      return new Stored(n.deploymentId(), n.campaignId(), n.campaignTitle(), n.action(), n.packageName(), n.version(),
          n.title(), n.message(), n.shownAt().toString());
    }

    DeliveredNotice toNotice() {
      return new DeliveredNotice(deploymentId, campaignId, campaignTitle, action, packageName, version, title, message,
          Instant.parse(shownAt));
    }
  }
}
