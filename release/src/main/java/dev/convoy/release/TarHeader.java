package dev.convoy.release;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The POSIX ustar header of one container entry: encoding for the writer, strict decoding for the reader.
 * Only what the format uses is represented; mode, owner and time fields are written as fixed values and ignored
 * when read. Stateless and thread-safe.
 */
final class TarHeader {
  static final int BLOCK = 512;
  static final byte TYPE_REGULAR = '0';
  private static final int NAME_LENGTH = 100;
  private static final long MAX_OCTAL_SIZE = 077777777777L; // 11 octal digits: 8 GiB - 1
  private static final byte[] MAGIC = "ustar\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] VERSION = "00".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GNU_MAGIC = "ustar  \0".getBytes(StandardCharsets.US_ASCII);

  /**
   * A decoded header.
   *
   * @param name the entry name as ISO-8859-1 text (so every byte maps to one char and nothing is dropped)
   * @param type the typeflag byte
   * @param size the content size
   */
  record Decoded(String name, byte type, long size) {}

  private TarHeader() {}

  /** A container entry header: a regular file, mode 0644. */
  static byte[] encode(String name, long size) {
    return encode(name, TYPE_REGULAR, 0644, size, "");
  }

  /**
   * A ustar header with uid/gid 0, mtime 0, empty owner names, magic "ustar\0" version "00": nothing that
   * depends on the machine or the time, so the same input gives the same bytes.
   *
   * @param name at most 100 ASCII bytes
   * @param linkName at most 100 ASCII bytes, "" for none
   */
  static byte[] encode(String name, byte type, int mode, long size, String linkName) {
    byte[] h = new byte[BLOCK];
    put(h, 0, name);
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    size(h, size);
    octal(h, 136, 12, 0);
    h[156] = type;
    put(h, 157, linkName);
    System.arraycopy(MAGIC, 0, h, 257, MAGIC.length);
    System.arraycopy(VERSION, 0, h, 263, VERSION.length);
    octal(h, 329, 8, 0);
    octal(h, 337, 8, 0);
    Arrays.fill(h, 148, 156, (byte) ' ');
    String sum = String.format("%06o", checksum(h));
    System.arraycopy(sum.getBytes(StandardCharsets.US_ASCII), 0, h, 148, 6);
    h[154] = 0;
    h[155] = ' ';
    return h;
  }

  /** Whether {@code value} fits a 100-byte name field as is (ASCII, no NUL). */
  static boolean fitsNameField(String value) {
    return value.length() <= NAME_LENGTH && value.chars().allMatch(c -> c > 0 && c < 0x80);
  }

  private static void put(byte[] h, int at, String value) {
    if (!fitsNameField(value)) {
      throw new IllegalArgumentException("tar name field " + Text.quoted(value) + " (expected: ASCII, at most "
          + NAME_LENGTH + " bytes)");
    }
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, h, at, bytes.length);
  }

  /**
   * The raw fields of a header block.
   *
   * @param name the name field up to its first NUL
   * @param prefix the POSIX prefix field up to its first NUL; empty for GNU headers (which use that area otherwise)
   * @param type the typeflag byte
   * @param mode the permission bits
   * @param size the size field
   * @param linkName the link name field up to its first NUL
   */
  record Fields(byte[] name, byte[] prefix, byte type, int mode, long size, byte[] linkName) {}

  /**
   * Checks a header block that is not all zeros and returns its fields: valid checksum (POSIX unsigned sum),
   * magic "ustar\0" version "00", or GNU's "ustar  \0" when {@code allowGnu}, octal or base-256 numbers.
   *
   * @param where names the header in messages
   * @param reason the refusal reason for a malformed header
   */
  static Fields parse(byte[] h, String where, VerificationReason reason, boolean allowGnu) {
    long stored = parseOctal(h, 148, 8, where + ": checksum field", reason);
    if (stored != checksum(h)) {
      throw new ReleaseVerificationException(reason, where + ": checksum " + stored + " (expected: " + checksum(h)
          + ", the sum of the header)");
    }
    boolean posix = Arrays.equals(h, 257, 263, MAGIC, 0, MAGIC.length) && Arrays.equals(h, 263, 265, VERSION, 0, 2);
    boolean gnu = Arrays.equals(h, 257, 265, GNU_MAGIC, 0, GNU_MAGIC.length);
    if (!posix && !(gnu && allowGnu)) {
      throw new ReleaseVerificationException(reason, where + ": not a POSIX ustar header (expected: magic"
          + " \"ustar\\0\" and version \"00\"" + (allowGnu ? ", or GNU's \"ustar  \\0\")" : ")"));
    }
    int mode = (int) parseOctal(h, 100, 8, where + ": mode field", reason) & 07777;
    return new Fields(field(h, 0, NAME_LENGTH), posix ? field(h, 345, 155) : new byte[0], h[156], mode,
        size(h, where, reason), field(h, 157, NAME_LENGTH));
  }

  /**
   * Decodes a container header (not all zeros): POSIX only, whole name in the name field.
   *
   * @param offset the block's position in the container, for messages
   * @throws ReleaseVerificationException MALFORMED_CONTAINER for a wrong checksum, magic, prefix or size field
   */
  static Decoded decode(byte[] h, long offset) {
    String where = "container header at byte " + offset;
    Fields f = parse(h, where, VerificationReason.MALFORMED_CONTAINER, false);
    if (f.prefix().length > 0) {
      throw malformed(where + ": prefix field is used (expected: the whole name in the name field)");
    }
    return new Decoded(new String(f.name(), StandardCharsets.ISO_8859_1), f.type(), f.size());
  }

  private static byte[] field(byte[] h, int from, int length) {
    int end = from;
    while (end < from + length && h[end] != 0) {
      end++;
    }
    return Arrays.copyOfRange(h, from, end);
  }

  static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static long size(byte[] h, String where, VerificationReason reason) {
    if ((h[124] & 0xff) == 0x80) { // base-256 (GNU/star), for payloads of 8 GiB and more
      long size = 0;
      for (int i = 125; i < 136; i++) {
        if (size > (Long.MAX_VALUE >>> 8)) {
          throw new ReleaseVerificationException(reason, where + ": size field too large (expected: below 2^63)");
        }
        size = (size << 8) | (h[i] & 0xff);
      }
      return size;
    }
    return parseOctal(h, 124, 12, where + ": size field", reason);
  }

  private static void size(byte[] h, long size) {
    if (size <= MAX_OCTAL_SIZE) {
      octal(h, 124, 12, size);
      return;
    }
    h[124] = (byte) 0x80;
    for (int i = 135; i > 124; i--) {
      h[i] = (byte) size;
      size >>>= 8;
    }
  }

  /** Leading spaces or zeros, octal digits, then NUL or space to the end of the field; at least one digit. */
  private static long parseOctal(byte[] h, int from, int length, String what, VerificationReason reason) {
    int i = from;
    int end = from + length;
    while (i < end && h[i] == ' ') {
      i++;
    }
    long value = 0;
    int digits = 0;
    for (; i < end && h[i] >= '0' && h[i] <= '7'; i++, digits++) {
      value = (value << 3) | (h[i] - '0');
    }
    for (; i < end; i++) {
      if (h[i] != 0 && h[i] != ' ') {
        throw new ReleaseVerificationException(reason, what + ": not an octal number (expected: octal digits ended"
            + " by NUL or space)");
      }
    }
    if (digits == 0) {
      throw new ReleaseVerificationException(reason, what + ": empty (expected: octal digits)");
    }
    return value;
  }

  private static void octal(byte[] h, int from, int length, long value) {
    String digits = String.format("%0" + (length - 1) + "o", value);
    System.arraycopy(digits.getBytes(StandardCharsets.US_ASCII), 0, h, from, length - 1);
    h[from + length - 1] = 0;
  }

  /** The unsigned byte sum with the checksum field counted as eight spaces (POSIX). */
  private static long checksum(byte[] h) {
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
    }
    return sum;
  }

  private static ReleaseVerificationException malformed(String message) {
    return new ReleaseVerificationException(VerificationReason.MALFORMED_CONTAINER, message);
  }
}
