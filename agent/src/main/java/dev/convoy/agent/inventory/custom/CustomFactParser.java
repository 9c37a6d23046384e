package dev.convoy.agent.inventory.custom;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.convoy.agent.inventory.FactPath;
import dev.convoy.agent.inventory.FactValue;
import dev.convoy.agent.inventory.Inventory;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one facts.d script printed, as facts under {@code facts.}: either {@code key=value} lines
 * ({@code facts.<key>}, text, except that {@code true}/{@code false} become booleans and integers written without
 * leading zeros become integers; blank lines and {@code #} comments are skipped), or one strict JSON object whose
 * members become {@code facts.<member>}, nested objects nested paths, arrays positions {@code [0]} ... (elements
 * that hold no value, like {@code null} or {@code {}}, take no position, so that positions have no gap).
 *
 * <p>Stateless and thread-safe.
 */
final class CustomFactParser {
  /** At most this many facts per script: custom facts are meant to be a few, not a database. */
  static final int MAX_FACTS = 1000;
  /** JSON nesting deeper than this is refused (the server's documents stop at 64 levels). */
  static final int MAX_DEPTH = 32;
  private static final FactPath ROOT = FactPath.of("facts");
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,18})");

  private CustomFactParser() {}

  /** @throws IllegalArgumentException saying what is malformed, e.g. {@code line 3: 'x' (expected: key=value)} */
  static Inventory.Builder parse(String output) {
    String text = output.strip();
    Inventory.Builder facts = text.startsWith("{") || text.startsWith("[") ? json(text) : keyValues(text);
    if (facts.size() > MAX_FACTS) {
      throw new IllegalArgumentException(facts.size() + " facts (expected: at most " + MAX_FACTS + ")");
    }
    return facts;
  }

  private static Inventory.Builder keyValues(String text) {
    Inventory.Builder facts = Inventory.builder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      String key = equals < 0 ? "" : line.substring(0, equals).strip();
      if (key.isEmpty()) {
        throw new IllegalArgumentException("line " + (i + 1) + ": '" + abbreviate(line)
            + "' (expected: key=value, or one JSON object)");
      }
      facts.put(ROOT.key(key), typed(line.substring(equals + 1).strip()));
    }
    return facts;
  }

  /** {@code true}/{@code false} as booleans, canonical integers as integers, anything else as text. */
  static FactValue typed(String value) {
    if (value.equals("true") || value.equals("false")) {
      return FactValue.flag(Boolean.parseBoolean(value));
    }
    if (INTEGER.matcher(value).matches()) {
      try {
        return FactValue.integer(Long.parseLong(value));
      } catch (NumberFormatException e) {
        return FactValue.text(value); // beyond 64 bits: kept exactly, as text
      }
    }
    return FactValue.text(value);
  }

  private static Inventory.Builder json(String text) {
    JsonElement root;
    try (JsonReader reader = new JsonReader(new StringReader(text))) {
      reader.setStrictness(Strictness.STRICT);
      root = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new IllegalArgumentException("text after the JSON object (expected: one JSON object)");
      }
    } catch (JsonParseException | IOException | IllegalStateException e) {
      throw new IllegalArgumentException("malformed JSON: " + reason(e));
    }
    if (!root.isJsonObject()) {
      throw new IllegalArgumentException("JSON " + kind(root) + " (expected: one JSON object)");
    }
    Inventory.Builder facts = Inventory.builder();
    members(root.getAsJsonObject(), ROOT, 1, facts);
    return facts;
  }

  private static void members(JsonObject object, FactPath at, int depth, Inventory.Builder facts) {
    for (Map.Entry<String, JsonElement> member : object.entrySet()) {
      if (member.getKey().isEmpty()) {
        throw new IllegalArgumentException("JSON member with an empty name at " + at + " (expected: a name)");
      }
      value(member.getValue(), at.key(member.getKey()), depth + 1, facts);
    }
  }

  private static void value(JsonElement element, FactPath at, int depth, Inventory.Builder facts) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("JSON nested deeper than " + MAX_DEPTH + " levels at " + at);
    }
    if (element.isJsonObject()) {
      members(element.getAsJsonObject(), at, depth, facts);
    } else if (element.isJsonArray()) {
      int position = 0;
      for (JsonElement item : element.getAsJsonArray()) {
        if (holdsValue(item)) {
          value(item, at.index(position++), depth + 1, facts);
        }
      }
    } else if (element.isJsonPrimitive()) {
      facts.put(at, scalar(element.getAsJsonPrimitive(), at));
    }
  }

  private static boolean holdsValue(JsonElement element) {
    if (element.isJsonPrimitive()) {
      return true;
    }
    if (element.isJsonObject()) {
      return element.getAsJsonObject().entrySet().stream().anyMatch(m -> holdsValue(m.getValue()));
    }
    if (element.isJsonArray()) {
      JsonArray array = element.getAsJsonArray();
      for (JsonElement item : array) {
        if (holdsValue(item)) {
          return true;
        }
      }
    }
    return false;
  }

  private static FactValue scalar(JsonPrimitive primitive, FactPath at) {
    if (primitive.isBoolean()) {
      return FactValue.flag(primitive.getAsBoolean());
    }
    if (primitive.isString()) {
      return FactValue.text(primitive.getAsString());
    }
    String number = primitive.getAsNumber().toString();
    if (INTEGER.matcher(number).matches()) {
      try {
        return FactValue.integer(Long.parseLong(number));
      } catch (NumberFormatException e) {
        // beyond 64 bits: a real, like any other JSON number
      }
    }
    double real = new BigDecimal(number).doubleValue();
    if (!Double.isFinite(real)) {
      throw new IllegalArgumentException("number " + abbreviate(number) + " at " + at + " (expected: within the range of a double)");
    }
    return FactValue.real(real);
  }

  private static String kind(JsonElement element) {
    return element.isJsonArray() ? "array" : element.isJsonNull() ? "null" : "scalar";
  }

  private static String reason(Exception e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "…";
  }
}
