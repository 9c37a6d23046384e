package dev.convoy.installers.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The marker of an install that switched {@code current} but is not committed yet: which version to go back to.
 * It lives on disk ({@code <package>/.previous}) so a rollback still works after the process died.
 *
 * @param previous the version {@code current} pointed at before, or null when there was none
 * @param target the version being installed
 */
record PendingInstall(String previous, String target) {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._+-]{1,128}");

  /** The marker in {@code file}, or empty when there is none. */
  static Optional<PendingInstall> read(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    String previous = null;
    String target = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("previous=")) {
        previous = line.substring("previous=".length());
      } else if (line.startsWith("target=")) {
        target = line.substring("target=".length());
      }
    }
    if (previous == null || target == null || !SAFE.matcher(target).matches()
        || !(previous.isEmpty() || SAFE.matcher(previous).matches())) {
      throw new IOException(file + ": malformed (expected: lines previous=<version or empty> and target=<version>)");
    }
    return Optional.of(new PendingInstall(previous.isEmpty() ? null : previous, target));
  }

  /** Writes the marker atomically and durably. */
  void write(Path file) throws IOException {
    String text = "previous=" + (previous == null ? "" : previous) + "\ntarget=" + target + "\n";
    FileTrees.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
  }

  Optional<String> previousVersion() {
    return Optional.ofNullable(previous);
  }
}
