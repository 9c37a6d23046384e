package dev.convoy.release;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Typed, strict access to one parsed JSON object: every read names its field path in errors, and {@link #done()}
 * refuses members nobody read, so an unknown (and therefore unverified-in-meaning) field is never ignored.
 * Not thread-safe.
 */
final class JsonFields {
  private final String path;
  private final Map<?, ?> members;
  private final Set<String> used = new HashSet<>();

  private JsonFields(String path, Map<?, ?> members) {
    this.path = path;
    this.members = members;
  }

  /** @throws IllegalArgumentException unless {@code value} is an object */
  static JsonFields of(String path, Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException((path.isEmpty() ? "top level" : path) + ": " + describe(value)
          + " (expected: an object)");
    }
    return new JsonFields(path, map);
  }

  String field(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    return members.containsKey(key);
  }

  String string(String key) {
    return as(key, String.class, "a string");
  }

  Optional<String> optionalString(String key) {
    return has(key) ? Optional.of(string(key)) : Optional.empty();
  }

  long integer(String key) {
    return as(key, Long.class, "an integer");
  }

  int integer(String key, int min, int max) {
    return (int) Text.range(field(key), integer(key), min, max);
  }

  boolean bool(String key) {
    return as(key, Boolean.class, "true or false");
  }

  JsonFields object(String key) {
    return of(field(key), require(key));
  }

  Optional<JsonFields> optionalObject(String key) {
    return has(key) ? Optional.of(object(key)) : Optional.empty();
  }

  List<Object> array(String key, int max) {
    List<?> list = as(key, List.class, "an array");
    if (list.size() > max) {
      throw new IllegalArgumentException(field(key) + ": " + list.size() + " items (expected: at most " + max + ")");
    }
    return new ArrayList<>(list);
  }

  List<JsonFields> objects(String key, int max) {
    List<Object> items = array(key, max);
    List<JsonFields> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(of(field(key) + "[" + i + "]", items.get(i)));
    }
    return out;
  }

  <T> List<T> values(String key, int max, Class<T> type, String expected) {
    List<Object> items = array(key, max);
    List<T> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(cast(field(key) + "[" + i + "]", items.get(i), type, expected));
    }
    return out;
  }

  Map<String, String> stringMap(String key, int max) {
    JsonFields map = object(key);
    if (map.members.size() > max) {
      throw new IllegalArgumentException(field(key) + ": " + map.members.size() + " entries (expected: at most "
          + max + ")");
    }
    Map<String, String> out = new TreeMap<>();
    for (Object name : map.members.keySet()) {
      out.put((String) name, map.string((String) name));
    }
    return out;
  }

  /** @throws IllegalArgumentException naming the members that no schema rule read */
  void done() {
    Set<String> unknown = new TreeSet<>();
    members.keySet().forEach(k -> unknown.add((String) k));
    unknown.removeAll(used);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException((path.isEmpty() ? "" : path + ": ") + "unknown field"
          + (unknown.size() > 1 ? "s " : " ") + unknown.stream().map(Text::quoted).toList()
          + " (expected: only the fields of format version " + ReleaseFormat.FORMAT_VERSION + ")");
    }
  }

  /** Runs a record constructor, prefixing its validation message with this object's path. */
  <T> T build(Supplier<T> constructor) {
    done();
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      boolean named = path.isEmpty() || message.startsWith(path + ".") || message.startsWith(path + ":");
      throw new IllegalArgumentException(named ? message : path + ": " + message, e);
    }
  }

  private Object require(String key) {
    used.add(key);
    if (!members.containsKey(key)) {
      throw new IllegalArgumentException(field(key) + ": missing (expected: present)");
    }
    return members.get(key);
  }

  private <T> T as(String key, Class<T> type, String expected) {
    return cast(field(key), require(key), type, expected);
  }

  private static <T> T cast(String field, Object value, Class<T> type, String expected) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(field + ": " + describe(value) + " (expected: " + expected + ")");
    }
    return type.cast(value);
  }

  private static String describe(Object value) {
    if (value instanceof String s) {
      return "string " + Text.quoted(s);
    } else if (value instanceof Map) {
      return "an object";
    } else if (value instanceof List) {
      return "an array";
    }
    return String.valueOf(value);
  }
}
