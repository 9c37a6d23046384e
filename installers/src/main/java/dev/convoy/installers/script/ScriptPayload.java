package dev.convoy.installers.script;

import dev.convoy.installers.InstallContext;
import dev.convoy.installers.archive.ArchiveFormat;
import dev.convoy.installers.archive.ExtractionLimits;
import dev.convoy.installers.archive.ExtractionResult;
import dev.convoy.installers.archive.SafeExtractor;
import dev.convoy.installers.archive.StagedTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A script payload: an archive (tar.gz, tar or zip) unpacked with the archive backend's {@link SafeExtractor}, so
 * every hostile-archive rule and cap applies (parameters {@code format}, {@code maxBytes}, {@code maxEntries},
 * {@code maxRatio}), and scripts found in it by relative name. Stateless and thread-safe.
 */
public final class ScriptPayload {
  private static final Pattern RELATIVE = Pattern.compile("[A-Za-z0-9._+-]+(/[A-Za-z0-9._+-]+)*");

  private ScriptPayload() {}

  /**
   * Extracts the context's payload into {@code root}, which this call creates (its parent must exist). A payload
   * that is a directory (already extracted and verified by the caller, see {@link StagedTree}) is moved there
   * instead: the payload directory is gone afterwards.
   *
   * @return the extraction; a refused archive is a failed result and {@code root} is removed again
   * @throws IllegalArgumentException when the payload file is missing or a parameter is malformed, naming it
   */
  public static ExtractionResult extract(InstallContext context, Path root) {
    Path payload = context.payload();
    if (StagedTree.isExtracted(payload)) {
      return StagedTree.adopt(payload, root, Set.of()); // already extracted and verified: moved, not unpacked
    }
    if (payload == null || !Files.isRegularFile(payload)) {
      throw new IllegalArgumentException("payload: " + payload + " (expected: the downloaded payload archive)");
    }
    String format = context.parameters().get("format");
    return new SafeExtractor(ExtractionLimits.from(context))
        .extract(payload, format == null ? null : ArchiveFormat.fromParameter(format), root);
  }

  /**
   * The regular file {@code name} below {@code root}, or empty when there is none.
   *
   * @throws IllegalArgumentException when {@code name} resolves outside {@code root} (through a symlink)
   * @throws IOException when the path cannot be resolved
   */
  public static Optional<Path> find(Path root, String name) throws IOException {
    Path script = root.resolve(name);
    if (!Files.exists(script, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Path real = script.toRealPath();
    if (!real.startsWith(root.toRealPath())) {
      throw new IllegalArgumentException("script " + name + ": resolves to " + real
          + " (expected: inside the payload)");
    }
    return Files.isRegularFile(real) ? Optional.of(real) : Optional.empty();
  }

  /**
   * Checks that a parameter names a path inside the payload.
   *
   * @return {@code value}
   * @throws IllegalArgumentException when it is absolute, has a {@code ..} or empty component or odd characters
   */
  public static String requireRelative(String parameter, String value) {
    boolean ok = value != null && RELATIVE.matcher(value).matches()
        && !("/" + value + "/").contains("/../") && !("/" + value + "/").contains("/./");
    if (!ok) {
      throw new IllegalArgumentException("parameter " + parameter + ": '" + value
          + "' (expected: a relative path inside the payload, of [A-Za-z0-9._+-] and '/', without '.' or '..')");
    }
    return value;
  }
}
