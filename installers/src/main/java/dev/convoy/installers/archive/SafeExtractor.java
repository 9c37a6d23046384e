package dev.convoy.installers.archive;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts a tar, tar.gz or zip archive into a fresh directory and never writes outside it.
 *
 * <p>Refused, with the directory removed: names that are empty, absolute, contain "..", backslashes or control
 * characters; duplicate paths; entries below a symlink; symlinks that are absolute, climb out of the root or
 * traverse another symlink; hard links; devices, fifos and other special entries; ZIP archives whose local
 * headers disagree with the central directory, whose entries overlap, or that are encrypted or use methods other
 * than stored/deflated; truncated or corrupt archives. Caps ({@link ExtractionLimits}) on bytes written, entries
 * and compression ratio are enforced while streaming with a fixed buffer, so neither disk nor heap fills.
 * Permissions are normalised: directories 0755, files 0644, or 0755 when the entry had any execute bit.
 *
 * <p>Thread-safe: each call uses its own state.
 */
public final class SafeExtractor {
  private static final Logger logger = LoggerFactory.getLogger(SafeExtractor.class);

  private final ExtractionLimits limits;
  private final Set<String> reservedNames;

  /**
   * @param reservedNames top-level names the archive may not use (the caller's own files in the root)
   */
  public SafeExtractor(ExtractionLimits limits, Set<String> reservedNames) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.reservedNames = Set.copyOf(reservedNames);
  }

  public SafeExtractor(ExtractionLimits limits) {
    this(limits, Set.of());
  }

  /**
   * Extracts {@code archive} into {@code root}, which this call creates.
   *
   * @param format the archive's format, or null to recognise it by its magic bytes
   * @param root must not exist; its parent must. On refusal it is removed again.
   * @return the outcome; a refused or corrupt archive is a failed result, not an exception
   * @throws IllegalArgumentException when {@code root} already exists
   */
  public ExtractionResult extract(Path archive, ArchiveFormat format, Path root) {
    if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("root: " + root + " exists (expected: a path that does not exist yet)");
    }
    ExtractionBudget budget = null;
    try {
      ArchiveFormat actual = format != null ? format : sniff(archive);
      Files.createDirectory(root);
      FileTrees.setMode(root, FileTrees.DIRECTORY_MODE);
      try (ArchiveReader reader = ArchiveReader.open(archive, actual, limits)) {
        budget = new ExtractionBudget(limits, reader::compressedBytesRead);
        StagingWriter writer = new StagingWriter(root.toAbsolutePath().normalize(), budget, reservedNames);
        for (ArchiveItem item = reader.next(); item != null; item = reader.next()) {
          writer.write(item);
        }
        writer.finish();
        String message = actual.parameterName() + ": extracted " + budget.entries() + " entries, "
            + budget.bytesWritten() + " bytes";
        return new ExtractionResult(true, message, writer.records(), budget.bytesWritten(), budget.entries());
      }
    } catch (RefusedException e) {
      return refuse(root, e.getMessage(), budget);
    } catch (IOException | RuntimeException e) {
      // commons-compress reports malformed input as IOException and, for some headers, as runtime exceptions.
      if (Thread.currentThread().isInterrupted()) { // the flag stays set for the caller
        return refuse(root, "extraction interrupted", budget);
      }
      String detail = e instanceof EOFException ? "unexpected end of data" : e.toString();
      return refuse(root, "archive is truncated or corrupt: " + detail, budget);
    }
  }

  private static ArchiveFormat sniff(Path archive) throws IOException, RefusedException {
    Optional<ArchiveFormat> format = ArchiveFormat.sniff(archive);
    if (format.isEmpty()) {
      throw new RefusedException("archive: unrecognised format (expected: tar.gz, tar or zip magic bytes;"
          + " or set parameter format)");
    }
    return format.get();
  }

  private static ExtractionResult refuse(Path root, String reason, ExtractionBudget budget) {
    String message = reason;
    try {
      FileTrees.deleteRecursively(root);
    } catch (IOException e) {
      logger.warn("could not remove refused extraction root={}", root, e);
      message += "; and the partial extraction could not be removed: " + e;
    }
    logger.info("archive refused root={} reason={}", root, reason);
    long written = budget == null ? 0 : budget.bytesWritten();
    return ExtractionResult.refused(message, written, budget == null ? 0 : budget.entries());
  }
}
