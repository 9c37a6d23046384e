package dev.convoy.agent.storage;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code key=value} files (UTF-8, java.util.Properties syntax) with stable, sorted output and no date comment,
 * so that a file only changes when its content does. Written with {@link AtomicFile}. Thread-safe (stateless).
 */
public final class PropertiesFile {
  private PropertiesFile() {}

  /**
   * Reads {@code file}.
   *
   * @throws IOException if it cannot be read
   */
  public static Map<String, String> read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": malformed properties (" + e.getMessage() + ")", e);
    }
    Map<String, String> result = new TreeMap<>();
    properties.stringPropertyNames().forEach(name -> result.put(name, properties.getProperty(name)));
    return result;
  }

  /** Replaces {@code file} atomically with {@code values} (sorted by key) under a {@code # header} line. */
  public static void write(Path file, String header, Map<String, String> values) throws IOException {
    StringBuilder out = new StringBuilder("# ").append(header).append('\n');
    new TreeMap<>(values).forEach((key, value) -> out.append(key).append('=').append(escape(value)).append('\n'));
    AtomicFile.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Like {@link #write} for callers that cannot throw checked exceptions. */
  public static void writeUnchecked(Path file, String header, Map<String, String> values) {
    try {
      write(file, header, values);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  // Keys are fixed identifiers; values may hold any text (messages with newlines, paths with backslashes).
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\f' -> out.append("\\f");
        case ' ' -> out.append(i == 0 ? "\\ " : " ");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
