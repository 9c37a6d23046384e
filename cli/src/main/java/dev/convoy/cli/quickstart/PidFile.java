package dev.convoy.cli.quickstart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The processes a quick start left running, one line each: {@code NAME PID START}, START being the process start
 * instant (ISO-8601) or {@code -} when the OS does not tell. The start instant guards against PID reuse: a PID
 * is only ever signalled if the process that has it now started at the recorded instant.
 *
 * <p>Not thread-safe; one quick start at a time per directory.
 */
public final class PidFile {
  /** One recorded process. */
  public record Entry(String name, long pid, Optional<Instant> started) {
    public Entry {
      if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("process name: '" + name + "' (expected: one word)");
      }
      Objects.requireNonNull(started, "started");
    }

    /** The entry for a running process. */
    public static Entry of(String name, ProcessHandle process) {
      return new Entry(name, process.pid(), process.info().startInstant());
    }

    String line() {
      return name + " " + pid + " " + started.map(Instant::toString).orElse("-");
    }

    static Entry parse(String line) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length != 3) {
        throw new IllegalArgumentException("'" + line + "' (expected: NAME PID START)");
      }
      try {
        Optional<Instant> started = fields[2].equals("-") ? Optional.empty() : Optional.of(Instant.parse(fields[2]));
        return new Entry(fields[0], Long.parseLong(fields[1]), started);
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new IllegalArgumentException("'" + line + "' (expected: NAME PID START)", e);
      }
    }
  }

  private final Path file;

  public PidFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  public boolean exists() {
    return Files.exists(file);
  }

  /** Records one more process (written at once: a failure later still leaves it stoppable). */
  public void append(Entry entry) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, entry.line() + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  /** The recorded processes, in the order they were started. @throws IllegalArgumentException on a bad line */
  public List<Entry> read() throws IOException {
    List<Entry> entries = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        entries.add(Entry.parse(lines.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return entries;
  }

  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }
}
