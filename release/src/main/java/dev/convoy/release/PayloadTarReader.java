package dev.convoy.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the tar inside an archive payload, strictly and with bounded memory: POSIX ustar or GNU headers with valid
 * checksums; pax extended headers ({@code path}, {@code linkpath}, {@code size}; other keys ignored) and GNU long
 * names of at most 64 KiB each; no global pax headers; the end-of-archive marker, then only zero padding. Names
 * are strict UTF-8. Read failures of the underlying stream propagate as IOException; malformed tar is
 * MALFORMED_PAYLOAD. Not thread-safe.
 */
final class PayloadTarReader {
  static final byte SPARSE = 'S';
  private static final int MAX_EXTENDED_HEADER = 64 * 1024;
  private static final int MAX_EXTENDED_PER_ENTRY = 3;
  private static final long MAX_TRAILING_BYTES = 1024 * 1024;

  /**
   * One entry header, extended headers applied.
   *
   * @param name the entry name
   * @param type the typeflag ({@link #SPARSE} also for pax GNU.sparse entries)
   * @param mode permission bits
   * @param size content size
   * @param linkName link target, "" for none
   */
  record Header(String name, byte type, int mode, long size, String linkName) {}

  private final InputStream in;
  private final byte[] block = new byte[TarHeader.BLOCK];
  private long position;
  private long remaining;
  private long padding;

  PayloadTarReader(InputStream in) {
    this.in = in;
  }

  /** The next entry, or null after the end-of-archive marker. */
  Header next() throws IOException {
    skipRest();
    Map<String, String> pax = Map.of();
    String longName = null;
    String longLink = null;
    for (int extended = 0; ; extended++) {
      if (extended > MAX_EXTENDED_PER_ENTRY) {
        throw malformed("more than " + MAX_EXTENDED_PER_ENTRY + " extended headers for one entry");
      }
      if (!readBlock(true)) {
        return null;
      }
      TarHeader.Fields f = TarHeader.parse(block, "payload tar header at byte " + (position - TarHeader.BLOCK),
          VerificationReason.MALFORMED_PAYLOAD, true);
      switch (f.type()) {
        case 'x' -> pax = pax(extendedHeader(f.size()));
        case 'L' -> longName = cString(extendedHeader(f.size()));
        case 'K' -> longLink = cString(extendedHeader(f.size()));
        case 'g' -> throw malformed("global pax header (expected: per-entry headers only)");
        default -> {
          return entry(f, pax, longName, longLink);
        }
      }
    }
  }

  /** Content of the current entry; -1 at its end. */
  int read(byte[] b, int off, int len) throws IOException {
    if (remaining == 0) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw malformed("ends inside an entry with " + remaining + " bytes missing");
    }
    remaining -= n;
    position += n;
    return n;
  }

  /** After the end marker: at most 1 MiB of zero padding, then the end of the stream. */
  void finish() throws IOException {
    long trailing = 0;
    for (int n = in.read(block); n >= 0; n = in.read(block)) {
      for (int i = 0; i < n; i++) {
        if (block[i] != 0) {
          throw malformed("data after the end-of-archive marker (expected: zero padding only)");
        }
      }
      trailing += n;
      if (trailing > MAX_TRAILING_BYTES) {
        throw malformed("more than " + MAX_TRAILING_BYTES + " bytes after the end-of-archive marker");
      }
    }
  }

  private Header entry(TarHeader.Fields f, Map<String, String> pax, String longName, String longLink) {
    String name = pax.getOrDefault("path", longName != null ? longName : joined(f));
    String link = pax.getOrDefault("linkpath", longLink != null ? longLink : utf8(f.linkName()));
    long size = f.size();
    if (pax.containsKey("size")) {
      String value = pax.get("size");
      if (!value.matches("[0-9]{1,15}")) {
        throw malformed("pax size " + Text.quoted(value) + " (expected: a decimal number)");
      }
      size = Long.parseLong(value);
    }
    boolean sparse = pax.keySet().stream().anyMatch(k -> k.startsWith("GNU.sparse."));
    remaining = size;
    padding = (TarHeader.BLOCK - size % TarHeader.BLOCK) % TarHeader.BLOCK;
    return new Header(name, sparse ? SPARSE : f.type(), f.mode(), size, link);
  }

  private static String joined(TarHeader.Fields f) {
    String name = utf8(f.name());
    return f.prefix().length == 0 ? name : utf8(f.prefix()) + "/" + name;
  }

  private byte[] extendedHeader(long size) throws IOException {
    if (size > MAX_EXTENDED_HEADER) {
      throw malformed("extended header of " + size + " bytes (expected: at most " + MAX_EXTENDED_HEADER + ")");
    }
    byte[] content = new byte[(int) size];
    remaining = size;
    for (int done = 0; done < content.length; ) {
      done += read(content, done, content.length - done);
    }
    padding = (TarHeader.BLOCK - size % TarHeader.BLOCK) % TarHeader.BLOCK;
    skipRest();
    return content;
  }

  /** Records "LEN key=value\n" where LEN counts the whole record. */
  private static Map<String, String> pax(byte[] content) {
    Map<String, String> out = new HashMap<>();
    int at = 0;
    while (at < content.length) {
      int space = at;
      while (space < content.length && space - at < 12 && content[space] >= '0' && content[space] <= '9') {
        space++;
      }
      if (space == at || space >= content.length || content[space] != ' ') {
        throw malformed("pax record at " + at + ": no length (expected: LEN key=value\\n)");
      }
      int length = Integer.parseInt(new String(content, at, space - at, StandardCharsets.US_ASCII));
      if (length <= space - at + 1 || at + length > content.length || content[at + length - 1] != '\n') {
        throw malformed("pax record at " + at + ": length " + length + " does not fit (expected: LEN key=value\\n)");
      }
      String record = utf8(java.util.Arrays.copyOfRange(content, space + 1, at + length - 1));
      int equals = record.indexOf('=');
      if (equals <= 0) {
        throw malformed("pax record at " + at + ": no key (expected: LEN key=value\\n)");
      }
      out.put(record.substring(0, equals), record.substring(equals + 1));
      at += length;
    }
    return out;
  }

  private static String cString(byte[] content) {
    int end = 0;
    while (end < content.length && content[end] != 0) {
      end++;
    }
    return utf8(java.util.Arrays.copyOf(content, end));
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw malformed("a name that is not UTF-8 (expected: UTF-8 names)");
    }
  }

  private void skipRest() throws IOException {
    byte[] skip = new byte[8192];
    while (remaining > 0) {
      read(skip, 0, (int) Math.min(skip.length, remaining));
    }
    while (padding > 0) {
      int n = in.read(skip, 0, (int) padding);
      if (n < 0) {
        throw malformed("ends inside an entry's padding");
      }
      padding -= n;
      position += n;
    }
  }

  /** A whole block; at a zero block also the second one, then false (the end marker). */
  private boolean readBlock(boolean first) throws IOException {
    for (int done = 0; done < block.length; ) {
      int n = in.read(block, done, block.length - done);
      if (n < 0) {
        throw malformed("ends " + (done == 0 ? "without the end-of-archive marker" : "inside a header"));
      }
      done += n;
      position += n;
    }
    if (!TarHeader.isZero(block)) {
      if (!first) {
        throw malformed("a header after one zero block (expected: two zero blocks end the archive)");
      }
      return true;
    }
    if (first) {
      readBlock(false);
    }
    return false;
  }

  private static ReleaseVerificationException malformed(String message) {
    return new ReleaseVerificationException(VerificationReason.MALFORMED_PAYLOAD, "payload tar: " + message);
  }
}
