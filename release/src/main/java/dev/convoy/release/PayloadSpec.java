package dev.convoy.release;

import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The payload blob as the signed manifest describes it.
 *
 * <p>For {@link PayloadFormat#TAR_GZ} the entries list every entry of the archive, in the archive's order, which
 * must be strictly ascending by path (Unicode code point order, so parents come first); every parent is listed as
 * a directory; no symlink target passes through another symlink. For {@link PayloadFormat#FILE} the list is empty.
 *
 * @param name the payload's file name in the container, {@code [A-Za-z0-9][A-Za-z0-9._+-]{0,63}}
 * @param format how the blob is encoded
 * @param length the blob's length in bytes, 1 to {@link ReleaseFormat#MAX_PAYLOAD_BYTES}
 * @param sha256 the blob's SHA-256, 64 lowercase hex digits
 * @param entries the archive's entries (archive payloads), else empty
 */
public record PayloadSpec(String name, PayloadFormat format, long length, String sha256, List<PayloadEntry> entries) {
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

  /** @throws IllegalArgumentException naming the field or entry that is wrong and what was expected */
  public PayloadSpec {
    Text.matches("payload.name", name, NAME, "[A-Za-z0-9][A-Za-z0-9._+-]{0,63}, e.g. payload.tar.gz");
    Text.required("payload.format", format);
    Text.range("payload.length", length, 1, ReleaseFormat.MAX_PAYLOAD_BYTES);
    Text.sha256("payload.sha256", sha256);
    entries = List.copyOf(entries);
    if (format == PayloadFormat.FILE && !entries.isEmpty()) {
      throw new IllegalArgumentException("payload.entries: " + entries.size() + " entries (expected: none for a"
          + " single-file payload)");
    }
    if (format == PayloadFormat.TAR_GZ) {
      checkTree(entries);
    }
  }

  /** The sum of the file lengths (archive payloads) or the blob length (single-file payloads). */
  public long contentBytes() {
    if (format == PayloadFormat.FILE) {
      return length;
    }
    long sum = 0;
    for (PayloadEntry entry : entries) {
      sum += entry.length(); // each <= 2^38 and at most 10^5 entries: no overflow
    }
    return sum;
  }

  private static void checkTree(List<PayloadEntry> entries) {
    if (entries.isEmpty() || entries.size() > ReleaseFormat.MAX_PAYLOAD_ENTRIES) {
      throw new IllegalArgumentException("payload.entries: " + entries.size() + " entries (expected: 1 to "
          + ReleaseFormat.MAX_PAYLOAD_ENTRIES + ")");
    }
    Map<String, PayloadEntry.Type> types = new HashMap<>();
    String previous = null;
    for (int i = 0; i < entries.size(); i++) {
      PayloadEntry entry = entries.get(i);
      String field = "payload.entries[" + i + "]";
      if (previous != null && PayloadPaths.compare(previous, entry.path()) >= 0) {
        throw new IllegalArgumentException(field + ".path: " + Text.quoted(entry.path()) + " after "
            + Text.quoted(previous) + " (expected: strictly ascending paths, each once)");
      }
      String parent = PayloadPaths.parent(entry.path());
      if (!parent.isEmpty() && types.get(parent) != PayloadEntry.Type.DIRECTORY) {
        throw new IllegalArgumentException(field + ".path: " + Text.quoted(entry.path()) + " has parent "
            + Text.quoted(parent) + " that is not listed as a directory (expected: every parent listed as a dir)");
      }
      types.put(entry.path(), entry.type());
      previous = entry.path();
    }
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).type() == PayloadEntry.Type.SYMLINK) {
        checkNoSymlinkTraversal("payload.entries[" + i + "]", entries.get(i), types);
      }
    }
  }

  /** a -> ".", b -> "a/a/../.." looks inside lexically but escapes on disk; so no target walks through a link. */
  private static void checkNoSymlinkTraversal(String field, PayloadEntry link, Map<String, PayloadEntry.Type> types) {
    Deque<String> at = PayloadPaths.parentComponents(link.path());
    for (String component : link.target().split("/")) {
      String here = String.join("/", at);
      if (types.get(here) == PayloadEntry.Type.SYMLINK) {
        throw new IllegalArgumentException(field + ".target: symlink " + Text.quoted(link.path()) + " -> "
            + Text.quoted(link.target()) + " passes through symlink " + Text.quoted(here)
            + " (expected: targets that do not traverse symlinks)");
      }
      if (component.equals("..")) {
        at.removeLast(); // cannot underflow: PayloadEntry checked the target stays inside
      } else {
        at.addLast(component);
      }
    }
  }
}
