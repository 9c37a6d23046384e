package dev.convoy.installers.archive;

import java.util.function.LongSupplier;

/**
 * Enforces {@link ExtractionLimits} while an archive streams: called before each chunk is written, so the bytes on
 * disk never pass the cap, whatever the archive declares. Not thread-safe (one per extraction).
 */
final class ExtractionBudget {
  private final ExtractionLimits limits;
  private final LongSupplier compressedRead;
  private long entries;
  private long bytesWritten;

  ExtractionBudget(ExtractionLimits limits, LongSupplier compressedRead) {
    this.limits = limits;
    this.compressedRead = compressedRead;
  }

  long bytesWritten() {
    return bytesWritten;
  }

  long entries() {
    return entries;
  }

  void countEntry() throws RefusedException {
    if (++entries > limits.maxEntries()) {
      throw new RefusedException("archive: more than " + limits.maxEntries() + " entries (expected: <= "
          + limits.maxEntries() + "; parameter maxEntries)");
    }
  }

  /** Refuses early when an entry's declared size alone would pass the cap. */
  void checkDeclared(String name, long size) throws RefusedException {
    if (size > limits.maxBytes() - bytesWritten) {
      throw new RefusedException("entry '" + EntryNames.printable(name) + "': declares " + size + " bytes, "
          + tooMuch());
    }
  }

  /** Refuses before {@code length} more bytes would pass the byte cap or the compression-ratio cap. */
  void beforeWrite(String name, int length) throws RefusedException {
    long after = bytesWritten + length;
    if (after > limits.maxBytes()) {
      throw new RefusedException("entry '" + EntryNames.printable(name) + "': " + tooMuch());
    }
    if (after > limits.ratioGraceBytes()) {
      long compressed = Math.max(1, compressedRead.getAsLong());
      long allowed = compressed > Long.MAX_VALUE / limits.maxRatio() ? Long.MAX_VALUE : compressed * limits.maxRatio();
      if (after > allowed) {
        throw new RefusedException("entry '" + EntryNames.printable(name) + "': " + after + " bytes unpacked from "
            + compressed + " compressed bytes (expected: ratio <= " + limits.maxRatio() + ":1; parameter maxRatio)");
      }
    }
  }

  void wrote(int length) {
    bytesWritten += length;
  }

  private String tooMuch() {
    return "the archive unpacks to more than " + limits.maxBytes() + " bytes (expected: <= " + limits.maxBytes()
        + "; the release's expected size or parameter maxBytes)";
  }
}
