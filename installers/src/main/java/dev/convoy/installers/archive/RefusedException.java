package dev.convoy.installers.archive;

/**
 * An archive the extractor will not extract, with the reason for people. Internal: {@link SafeExtractor} turns
 * it into a failed {@link ExtractionResult}.
 */
final class RefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  RefusedException(String message) {
    super(message, null, false, false);
  }
}
