package dev.convoy.cli.campaign.options;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a {@code key=value,key=value,flag} option value into its items. A comma starts a new item only when it is
 * followed by {@code word=} or by a known flag: so a value may itself hold commas, as RFC 5545 rules
 * ({@code BYDAY=SA,SU}) and cron fields ({@code SAT,SUN}) do. Neither ever has {@code ,word=} inside it: RRULE
 * separates its parts with {@code ;}, and cron has no {@code =}. Stateless.
 */
final class SpecItems {
  private SpecItems() {}

  /**
   * The items of {@code text} in order, flags mapped to {@code ""}.
   *
   * @param keys the keys that take a value
   * @param flags the keys that stand alone
   * @param expected the form to name in errors
   * @throws IllegalArgumentException on an unknown key, a key given twice, an empty item, or a flag with a value
   */
  static Map<String, String> split(String text, Set<String> keys, Set<String> flags, String expected) {
    String alternatives = String.join("|", flags.stream().map(Pattern::quote).toList());
    String boundary = ",(?=\\s*[A-Za-z][A-Za-z-]*\\s*=" + (flags.isEmpty() ? "" : "|\\s*(?:" + alternatives
        + ")\\s*(?:,|$)") + ")";
    Map<String, String> items = new LinkedHashMap<>();
    for (String raw : (text == null ? "" : text).split(boundary, -1)) {
      String item = raw.trim();
      int equals = item.indexOf('=');
      String key = (equals < 0 ? item : item.substring(0, equals)).trim();
      String value = equals < 0 ? "" : item.substring(equals + 1).trim();
      if (item.isEmpty()) {
        throw new IllegalArgumentException("'" + text + "' has an empty item (" + expected + ")");
      }
      if (equals < 0 ? !flags.contains(key) : !keys.contains(key)) {
        throw new IllegalArgumentException("'" + item + "' in '" + text + "': unknown " + (equals < 0 ? "item" : "key")
            + " (" + expected + ")");
      }
      if (equals >= 0 && value.isEmpty()) {
        throw new IllegalArgumentException("'" + item + "' in '" + text + "': " + key + " has no value (" + expected
            + ")");
      }
      if (items.put(key, value) != null) {
        throw new IllegalArgumentException("'" + text + "': " + key + " given twice (" + expected + ")");
      }
    }
    return items;
  }
}
