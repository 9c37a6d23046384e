package dev.convoy.release;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Streams a tar.gz payload and checks it, entry by entry, in lockstep with the manifest's list: same path in the
 * same position, same type, mode, length, SHA-256 and symlink target; nothing unlisted, repeated, missing, or
 * after the archive's end. Only checked entries reach the sink, and file bytes never pass the listed length, so
 * the unpacked size is capped by the signed manifest; the tar reader's own buffers are bounded too, so neither disk
 * nor heap fills even before the blob's hash is known. Read-side failures become MALFORMED_PAYLOAD; the sink's
 * I/O errors propagate as IOException. Not thread-safe.
 */
final class ArchivePayload {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final List<PayloadEntry> expected;
  private final Map<String, Integer> positions = new HashMap<>();
  private final PayloadSink sink;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int next;
  private long written;
  private final long maxBytes;

  private ArchivePayload(PayloadSpec spec, long maxBytes, PayloadSink sink) {
    this.expected = spec.entries();
    this.maxBytes = maxBytes;
    this.sink = sink;
    for (int i = 0; i < expected.size(); i++) {
      positions.put(expected.get(i).path(), i);
    }
  }

  /** @param maxBytes the unpacked size cap (the manifest's unpacked_size) */
  static void verify(BlobStream blob, PayloadSpec spec, long maxBytes, PayloadSink sink) throws IOException {
    new ArchivePayload(spec, maxBytes, sink).run(blob);
  }

  private void run(BlobStream blob) throws IOException {
    // Buffered with mark support, so the single-member gzip reader can push back what follows its member.
    BufferedInputStream buffered = new BufferedInputStream(blob, BUFFER_SIZE);
    readSide("the gzip header", () -> GzipHeader.check(buffered));
    GzipCompressorInputStream gzip = readSide("the gzip header", () -> GzipCompressorInputStream.builder()
        .setInputStream(buffered).setDecompressConcatenated(false).get());
    PayloadTarReader tar = new PayloadTarReader(gzip);
    for (PayloadTarReader.Header entry = readSide("a tar header", tar::next); entry != null;
        entry = readSide("a tar header", tar::next)) {
      accept(entry, tar);
    }
    if (next < expected.size()) {
      throw refuse(VerificationReason.MISSING_ENTRY, "payload: " + Text.quoted(expected.get(next).path())
          + " is missing, and " + (expected.size() - next - 1) + " entries after it (expected: every listed entry)");
    }
    readSide("the end of the payload", () -> {
      tar.finish();
      return null;
    });
    if (readSide("the end of the payload", buffered::read) >= 0) {
      throw refuse(VerificationReason.MALFORMED_PAYLOAD, "payload: data after the gzip stream (expected: one gzip"
          + " member and nothing after it)");
    }
  }

  private void accept(PayloadTarReader.Header entry, PayloadTarReader tar) throws IOException {
    if (Thread.currentThread().isInterrupted()) { // cancelled; the flag stays set for the caller
      throw new InterruptedIOException("payload extraction interrupted");
    }
    PayloadEntry.Type type = typeOf(entry);
    String path = type == PayloadEntry.Type.DIRECTORY && entry.name().endsWith("/")
        ? entry.name().substring(0, entry.name().length() - 1) : entry.name();
    PayloadEntry want = inPosition(path);
    if (type != want.type()) {
      throw mismatch(path, "is a " + type.label(), "a " + want.type().label());
    }
    if (type != PayloadEntry.Type.FILE && entry.size() != 0) {
      throw refuse(VerificationReason.MALFORMED_PAYLOAD, "payload entry " + Text.quoted(path) + ": a " + type.label()
          + " with " + entry.size() + " bytes of content (expected: none)");
    }
    switch (type) {
      case DIRECTORY -> {
        checkMode(entry.mode(), want);
        sink.directory(path, want.mode());
      }
      case SYMLINK -> {
        if (!entry.linkName().equals(want.target())) {
          throw mismatch(path, "links to " + Text.quoted(entry.linkName()), "a link to "
              + Text.quoted(want.target()));
        }
        sink.symlink(path, want.target());
      }
      case FILE -> file(entry, tar, want);
    }
  }

  private PayloadEntry inPosition(String path) {
    Integer at = positions.get(path);
    if (at == null) {
      throw refuse(VerificationReason.UNLISTED_ENTRY, "payload entry " + Text.quoted(path) + ": not listed in the"
          + " manifest (expected: only listed entries)");
    }
    if (at < next) {
      throw refuse(VerificationReason.DUPLICATE_ENTRY, "payload entry " + Text.quoted(path) + ": appears again"
          + " (expected: each entry once)");
    }
    if (at > next) {
      throw refuse(VerificationReason.OUT_OF_ORDER, "payload entry " + Text.quoted(path) + ": found where the"
          + " manifest lists " + Text.quoted(expected.get(next).path()) + " (expected: entries in manifest order;"
          + " that entry is missing or misplaced)");
    }
    return expected.get(next++);
  }

  private void file(PayloadTarReader.Header entry, PayloadTarReader tar, PayloadEntry want) throws IOException {
    checkMode(entry.mode(), want);
    if (entry.size() != want.length()) {
      throw refuse(VerificationReason.LENGTH_MISMATCH, "payload entry " + Text.quoted(want.path()) + ": "
          + entry.size() + " bytes (expected: " + want.length() + ", as the manifest lists)");
    }
    if (want.length() > maxBytes - written) {
      throw refuse(VerificationReason.TOO_LARGE, "payload: unpacks to more than " + maxBytes + " bytes (expected:"
          + " at most unpacked_size)");
    }
    MessageDigest digest = Sha256.newDigest();
    long count = 0;
    try (OutputStream out = sink.file(want.path())) {
      for (int n = readSide("entry content", () -> tar.read(buffer, 0, buffer.length)); n >= 0;
          n = readSide("entry content", () -> tar.read(buffer, 0, buffer.length))) {
        count += n; // never above want.length(): the tar reader stops at the header's size, which equals it
        digest.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
    }
    written += count;
    String actual = Sha256.hex(digest);
    if (!actual.equals(want.sha256())) {
      throw refuse(VerificationReason.HASH_MISMATCH, "payload entry " + Text.quoted(want.path()) + ": sha256 "
          + actual + " (expected: " + want.sha256() + ")");
    }
    sink.fileDone(want.path(), want.mode());
  }

  private static PayloadEntry.Type typeOf(PayloadTarReader.Header entry) {
    String unsafe = switch (entry.type()) {
      case '0', '\0' -> null;
      case '5', '2' -> null;
      case '1' -> "hard link to " + Text.quoted(entry.linkName());
      case '3' -> "character device";
      case '4' -> "block device";
      case '6' -> "fifo";
      case PayloadTarReader.SPARSE -> "sparse file";
      default -> "tar entry type " + Text.quoted(String.valueOf((char) entry.type()));
    };
    if (unsafe != null) {
      throw refuse(VerificationReason.UNSAFE_ENTRY, "payload entry " + Text.quoted(entry.name()) + ": " + unsafe
          + " (expected: files, directories and symlinks only)");
    }
    return entry.type() == '5' ? PayloadEntry.Type.DIRECTORY
        : entry.type() == '2' ? PayloadEntry.Type.SYMLINK : PayloadEntry.Type.FILE;
  }

  private static void checkMode(int mode, PayloadEntry want) {
    if (mode != want.mode()) {
      throw mismatch(want.path(), "has mode " + ManifestCodec.mode(mode), "mode " + ManifestCodec.mode(want.mode()));
    }
  }

  private static ReleaseVerificationException mismatch(String path, String actual, String expected) {
    return refuse(VerificationReason.ENTRY_MISMATCH, "payload entry " + Text.quoted(path) + ": " + actual
        + " (expected: " + expected + ", as the manifest lists)");
  }

  private static ReleaseVerificationException refuse(VerificationReason reason, String message) {
    return new ReleaseVerificationException(reason, message);
  }

  @FunctionalInterface
  private interface ReadStep<T> {
    T get() throws IOException;
  }

  /** Runs a read from the payload; its I/O failure means the payload is corrupt (or the container truncated). */
  private static <T> T readSide(String what, ReadStep<T> step) {
    try {
      return step.get();
    } catch (IOException | RuntimeException e) {
      if (e instanceof ReleaseVerificationException refusal) {
        throw refusal;
      }
      // commons-compress reports malformed input as IOException and, for some headers, as runtime exceptions.
      throw new ReleaseVerificationException(VerificationReason.MALFORMED_PAYLOAD, "payload: corrupt while reading "
          + what + " (" + e.getMessage() + ")", e);
    }
  }
}
