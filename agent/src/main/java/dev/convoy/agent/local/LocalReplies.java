package dev.convoy.agent.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.regex.Pattern;

/** Answers and field checks of the local socket protocol, for {@link LocalCommand}s. Stateless. */
public final class LocalReplies {
  private LocalReplies() {}

  /** {@code {"ok":true,"message":...}}. */
  public static JsonObject ok(String message) {
    return LocalRequestHandler.ok(message);
  }

  /** {@code {"ok":false,"code":...,"error":...}}. */
  public static JsonObject error(String code, String message) {
    return LocalRequestHandler.error(code, message);
  }

  /**
   * The string field {@code field}, which must match {@code pattern}.
   *
   * @throws IllegalArgumentException naming the field and what was expected
   */
  public static String text(JsonObject request, String field, Pattern pattern) {
    JsonElement value = request.get(field);
    if (value == null || value.isJsonNull() || !value.isJsonPrimitive()
        || !value.getAsJsonPrimitive().isString()) {
      throw new IllegalArgumentException(field + ": missing or not a string");
    }
    String text = value.getAsString();
    if (!pattern.matcher(text).matches()) {
      throw new IllegalArgumentException(field + ": '" + (text.length() > 64 ? text.substring(0, 64) + "..." : text)
          + "' (expected: " + pattern.pattern() + ")");
    }
    return text;
  }

  /** {@link #text} when present, else {@code otherwise}. */
  public static String optionalText(JsonObject request, String field, Pattern pattern, String otherwise) {
    return request.has(field) && !request.get(field).isJsonNull() ? text(request, field, pattern) : otherwise;
  }
}
