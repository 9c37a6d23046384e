package dev.convoy.release;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Writes the tar inside an archive payload, deterministically: ustar headers with fixed owner, time and mode
 * fields (see {@link TarHeader#encode}); a pax extended header ({@code path}, {@code linkpath}) only for names
 * longer than 100 bytes or not ASCII; base-256 sizes from 8 GiB; the end marker, padded to a 10240-byte record.
 * Does not close the stream. Not thread-safe.
 */
final class PayloadTarWriter {
  private static final int RECORD = 10240;
  private static final byte TYPE_DIRECTORY = '5';
  private static final byte TYPE_SYMLINK = '2';
  private static final byte TYPE_PAX = 'x';

  private final OutputStream out;
  private final byte[] buffer = new byte[64 * 1024];
  private long written;

  PayloadTarWriter(OutputStream out) {
    this.out = out;
  }

  void directory(String path) throws IOException {
    header(path + "/", TYPE_DIRECTORY, PayloadEntry.EXECUTABLE_MODE, 0, "");
  }

  void symlink(String path, String target) throws IOException {
    header(path, TYPE_SYMLINK, 0777, 0, target);
  }

  /**
   * Copies exactly {@code size} bytes of {@code content} into a file entry.
   *
   * @return the content's SHA-256
   * @throws IOException when {@code content} holds more or fewer bytes (the file changed while packing)
   */
  String file(String path, int mode, long size, InputStream content) throws IOException {
    header(path, TarHeader.TYPE_REGULAR, mode, size, "");
    MessageDigest digest = Sha256.newDigest();
    long left = size;
    while (left > 0) {
      int n = content.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new EOFException(path + ": " + (size - left) + " bytes (expected: " + size + "; changed while packing?)");
      }
      digest.update(buffer, 0, n);
      write(buffer, n);
      left -= n;
    }
    if (content.read() >= 0) {
      throw new IOException(path + ": more than " + size + " bytes (changed while packing?)");
    }
    pad(size);
    return Sha256.hex(digest);
  }

  void finish() throws IOException {
    byte[] zeros = new byte[TarHeader.BLOCK];
    write(zeros, zeros.length);
    write(zeros, zeros.length);
    while (written % RECORD != 0) {
      write(zeros, zeros.length);
    }
    out.flush();
  }

  private void header(String name, byte type, int mode, long size, String linkName) throws IOException {
    StringBuilder pax = new StringBuilder();
    if (!TarHeader.fitsNameField(name)) {
      pax.append(paxRecord("path", name));
    }
    if (!TarHeader.fitsNameField(linkName)) {
      pax.append(paxRecord("linkpath", linkName));
    }
    if (!pax.isEmpty()) {
      byte[] records = pax.toString().getBytes(StandardCharsets.UTF_8);
      write(TarHeader.encode("PaxHeader", TYPE_PAX, 0644, records.length, ""), TarHeader.BLOCK);
      write(records, records.length);
      pad(records.length);
    }
    write(TarHeader.encode(standIn(name), type, mode, size, standIn(linkName)), TarHeader.BLOCK);
  }

  /** "LEN key=value\n", where LEN counts the whole record including its own digits. */
  static String paxRecord(String key, String value) {
    int base = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
    int length = base + String.valueOf(base).length();
    if (String.valueOf(length).length() != String.valueOf(base).length()) {
      length++;
    }
    return length + " " + key + "=" + value + "\n";
  }

  /** What ustar-only readers see in place of a long or non-ASCII name: an ASCII cut of it. */
  private static String standIn(String value) {
    if (TarHeader.fitsNameField(value)) {
      return value;
    }
    StringBuilder ascii = new StringBuilder();
    value.chars().limit(100).forEach(c -> ascii.append(c > 0 && c < 0x80 ? (char) c : '_'));
    return ascii.toString();
  }

  private void pad(long size) throws IOException {
    int rest = (int) (size % TarHeader.BLOCK);
    if (rest != 0) {
      write(new byte[TarHeader.BLOCK - rest], TarHeader.BLOCK - rest);
    }
  }

  private void write(byte[] bytes, int length) throws IOException {
    out.write(bytes, 0, length);
    written += length;
  }
}
