package dev.convoy.installers.archive;

import java.util.List;

/**
 * What {@link SafeExtractor#extract} did: a value, not an exception.
 *
 * @param ok whether the archive was extracted completely
 * @param message what happened, for people; on refusal, the reason
 * @param files what was written, in archive order (empty on refusal)
 * @param bytesWritten file content bytes written (on refusal: before it stopped; never above the cap)
 * @param entries archive entries read
 */
public record ExtractionResult(boolean ok, String message, List<FileRecord> files, long bytesWritten, long entries) {
  public ExtractionResult {
    files = List.copyOf(files);
  }

  static ExtractionResult refused(String message, long bytesWritten, long entries) {
    return new ExtractionResult(false, message, List.of(), bytesWritten, entries);
  }
}
