package dev.convoy.installers.archive;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * The naming rules of archive entries and symlink targets. Names are checked as the archive spells them; nothing
 * is silently repaired, because two tools repairing differently is how traversal bugs happen.
 * Stateless and thread-safe.
 */
final class EntryNames {
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private EntryNames() {}

  /**
   * The entry's path relative to the extraction root, components joined by '/', with "." and empty components
   * dropped; "" for the root itself ("./").
   *
   * @throws RefusedException for an empty name, control characters, backslashes, absolute paths, drive
   *     letters or any ".." component
   */
  static String normalise(String name) throws RefusedException {
    checkCharacters("name", name, name);
    if (name.startsWith("/") || DRIVE.matcher(name).matches()) {
      throw new RefusedException("entry '" + printable(name) + "': absolute path (expected: a relative path)");
    }
    StringBuilder out = new StringBuilder();
    for (String component : name.split("/")) {
      if (component.equals("..")) {
        throw new RefusedException("entry '" + printable(name) + "': '..' component (expected: no parent references)");
      }
      if (!component.isEmpty() && !component.equals(".")) {
        out.append(out.isEmpty() ? "" : "/").append(component);
      }
    }
    return out.toString();
  }

  /**
   * Resolves a symlink's target lexically from the directory holding the link.
   *
   * @param linkPath the link's normalised path
   * @return the target's normalised path relative to the root ("" for the root)
   * @throws RefusedException for an empty or absolute target, bad characters, or one that climbs above the root
   */
  static String resolveLink(String linkPath, String target) throws RefusedException {
    checkCharacters("symlink target", target, linkPath);
    String what = "symlink '" + printable(linkPath) + "' -> '" + printable(target) + "'";
    if (target.startsWith("/") || DRIVE.matcher(target).matches()) {
      throw new RefusedException(what + ": absolute target (expected: a relative target inside the archive)");
    }
    Deque<String> path = parentOf(linkPath);
    for (String component : target.split("/")) {
      if (component.equals("..")) {
        if (path.isEmpty()) {
          throw new RefusedException(what + ": escapes the extraction root (expected: a target inside the archive)");
        }
        path.removeLast();
      } else if (!component.isEmpty() && !component.equals(".")) {
        path.addLast(component);
      }
    }
    return String.join("/", path);
  }

  /** The normalised path's parent components, in order ("a/b/c" gives [a, b]). */
  static Deque<String> parentOf(String path) {
    Deque<String> parts = new ArrayDeque<>();
    if (!path.isEmpty()) {
      for (String component : path.split("/")) {
        parts.addLast(component);
      }
      parts.removeLast();
    }
    return parts;
  }

  private static void checkCharacters(String label, String value, String entry) throws RefusedException {
    String where = "entry '" + printable(entry == null ? "" : entry) + "': ";
    if (value == null || value.isEmpty()) {
      throw new RefusedException(where + "empty " + label + " (expected: non-empty)");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new RefusedException(where + "control character 0x" + Integer.toHexString(c) + " in " + label
            + " (expected: printable characters)");
      }
      if (c == '\\') {
        throw new RefusedException(where + "backslash in " + label + " (expected: '/' as the only separator)");
      }
    }
  }

  /** The name with control characters escaped, so a hostile name cannot forge log lines. */
  static String printable(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints().forEach(c -> {
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
