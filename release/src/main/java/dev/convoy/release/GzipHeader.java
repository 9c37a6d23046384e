package dev.convoy.release;

import java.io.IOException;
import java.io.InputStream;

/**
 * Checks a gzip member header before the decompressor parses it: the decompressor collects the optional file
 * name and comment without a limit, so a tampered payload could fill the heap before its hash is known. Here each
 * must end within 1024 bytes. The stream is reset to where it was. Stateless and thread-safe.
 */
final class GzipHeader {
  private static final int FEXTRA = 0x04;
  private static final int FNAME = 0x08;
  private static final int FCOMMENT = 0x10;
  private static final int MAX_TEXT = 1024;
  private static final int MARK_LIMIT = 10 + 2 + 65535 + 2 * (MAX_TEXT + 1) + 2;

  private GzipHeader() {}

  /** @param in must support mark/reset */
  static Void check(InputStream in) throws IOException {
    in.mark(MARK_LIMIT);
    try {
      byte[] fixed = in.readNBytes(10);
      if (fixed.length < 10 || (fixed[0] & 0xff) != 0x1f || (fixed[1] & 0xff) != 0x8b || fixed[2] != 8) {
        throw malformed("not a gzip stream (expected: the gzip magic 1f 8b and method 8, deflate)");
      }
      int flags = fixed[3] & 0xff;
      if ((flags & FEXTRA) != 0) {
        byte[] length = in.readNBytes(2);
        if (length.length < 2) {
          throw malformed("the gzip header ends inside its extra field");
        }
        in.skipNBytes((length[0] & 0xff) | (length[1] & 0xff) << 8);
      }
      if ((flags & FNAME) != 0) {
        skipText(in, "file name");
      }
      if ((flags & FCOMMENT) != 0) {
        skipText(in, "comment");
      }
      return null;
    } finally {
      in.reset();
    }
  }

  private static void skipText(InputStream in, String what) throws IOException {
    for (int i = 0; i <= MAX_TEXT; i++) {
      int b = in.read();
      if (b < 0) {
        throw malformed("the gzip header ends inside its " + what);
      }
      if (b == 0) {
        return;
      }
    }
    throw malformed("gzip header " + what + " longer than " + MAX_TEXT + " bytes (expected: at most " + MAX_TEXT
        + ")");
  }

  private static ReleaseVerificationException malformed(String message) {
    return new ReleaseVerificationException(VerificationReason.MALFORMED_PAYLOAD, "payload: " + message);
  }
}
