package dev.convoy.release;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * The rules for payload entry paths and symlink targets. Paths are checked as written, never repaired: two tools
 * repairing differently is how traversal bugs happen. Stateless and thread-safe.
 */
final class PayloadPaths {
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

  private PayloadPaths() {}

  /**
   * Checks a normalised relative path: components joined by single '/', none empty, "." or "..", no backslash,
   * no control character, not absolute, no drive letter, at most 1024 bytes and 255 per component.
   *
   * @throws IllegalArgumentException naming the path and the rule it breaks
   */
  static String checkPath(String field, String path) {
    checkCommon(field, path);
    for (String component : path.split("/", -1)) {
      if (component.isEmpty() || component.equals(".") || component.equals("..")) {
        throw new IllegalArgumentException(field + ": " + Text.quoted(path) + " has an empty, '.' or '..' component"
            + " (expected: a normalised relative path such as bin/tool)");
      }
      if (Text.utf8Length(component) > ReleaseFormat.MAX_COMPONENT_BYTES) {
        throw new IllegalArgumentException(field + ": a component of " + Text.quoted(path) + " is longer than "
            + ReleaseFormat.MAX_COMPONENT_BYTES + " bytes (expected: at most " + ReleaseFormat.MAX_COMPONENT_BYTES
            + ")");
      }
    }
    return path;
  }

  /**
   * Resolves a symlink's target lexically from the directory that holds the link.
   *
   * @return the target's path relative to the payload root, "" for the root itself
   * @throws IllegalArgumentException when the target is malformed, absolute or climbs above the root
   */
  static String resolveLink(String field, String linkPath, String target) {
    checkCommon(field, target);
    Deque<String> at = parentComponents(linkPath);
    for (String component : target.split("/", -1)) {
      if (component.isEmpty() || component.equals(".")) {
        throw new IllegalArgumentException(field + ": " + Text.quoted(target) + " has an empty or '.' component"
            + " (expected: components joined by single '/', '..' allowed)");
      }
      if (component.equals("..")) {
        if (at.isEmpty()) {
          throw new IllegalArgumentException(field + ": symlink " + Text.quoted(linkPath) + " -> "
              + Text.quoted(target) + " escapes the payload root (expected: a target inside the payload)");
        }
        at.removeLast();
      } else {
        at.addLast(component);
      }
    }
    return String.join("/", at);
  }

  private static void checkCommon(String field, String value) {
    Text.required(field, value);
    if (value.isEmpty() || Text.utf8Length(value) > ReleaseFormat.MAX_PATH_BYTES) {
      throw new IllegalArgumentException(field + ": " + Text.utf8Length(value) + " bytes (expected: 1 to "
          + ReleaseFormat.MAX_PATH_BYTES + ")");
    }
    int control = Text.firstControl(value);
    if (control >= 0 || value.indexOf('\\') >= 0) {
      throw new IllegalArgumentException(field + ": " + Text.quoted(value) + " contains "
          + (control >= 0 ? "control character 0x" + Integer.toHexString(control) : "a backslash")
          + " (expected: printable characters, '/' as the only separator)");
    }
    if (value.startsWith("/") || DRIVE.matcher(value).matches()) {
      throw new IllegalArgumentException(field + ": " + Text.quoted(value) + " is absolute (expected: a relative"
          + " path)");
    }
  }

  /** The parent components of a normalised path, in order ("a/b/c" gives [a, b]). */
  static Deque<String> parentComponents(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String component : path.split("/")) {
      parts.addLast(component);
    }
    parts.removeLast();
    return parts;
  }

  /** The parent path, "" for a top-level entry. */
  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** Orders paths by Unicode code point, which is also the byte order of their UTF-8 encodings. */
  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
