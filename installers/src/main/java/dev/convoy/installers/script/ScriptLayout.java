package dev.convoy.installers.script;

import dev.convoy.installers.InstallContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the script backend keeps a package:
 * <pre>
 *   managedRoot/&lt;package&gt;/script/&lt;version&gt;/        the unpacked payload (scripts) of a version
 *   managedRoot/&lt;package&gt;/script/.current            "version=&lt;v&gt;": the committed version (its uninstall.sh
 *                                                     removes the package)
 *   managedRoot/&lt;package&gt;/script/.pending            "target=&lt;v&gt;, reboot=&lt;bool&gt;" while an install is
 *                                                     uncommitted
 *   managedRoot/&lt;package&gt;/script/.staging-&lt;v&gt;-&lt;id&gt;/   an extraction in progress
 * </pre>
 * Markers are replaced atomically; {@code .current} changes only at commit, so it is also the version a rollback
 * returns to. Not thread-safe; one package is worked on by one caller at a time.
 */
final class ScriptLayout {
  static final String CURRENT = ".current";
  static final String PENDING = ".pending";
  static final String STAGING_PREFIX = ".staging-";

  private final Path packageDir;
  private final Path dir;

  ScriptLayout(InstallContext context) {
    packageDir = context.managedRoot().resolve(context.packageName());
    dir = packageDir.resolve("script");
  }

  /** An install that ran its install script but was not yet committed or rolled back. */
  record Pending(String target, boolean rebootRequired) {}

  Path packageDir() {
    return packageDir;
  }

  Path dir() {
    return dir;
  }

  Path version(String version) {
    return dir.resolve(version);
  }

  Path newStaging(String version) {
    return dir.resolve(STAGING_PREFIX + version + "-" + UUID.randomUUID());
  }

  Optional<String> current() throws IOException {
    return DurableFiles.readMarker(dir.resolve(CURRENT)).map(m -> m.get("version")).filter(v -> !v.isEmpty());
  }

  void commit(String version) throws IOException {
    DurableFiles.writeMarker(dir.resolve(CURRENT), Map.of("version", version));
  }

  Optional<Pending> pending() throws IOException {
    return DurableFiles.readMarker(dir.resolve(PENDING))
        .map(m -> new Pending(m.getOrDefault("target", ""), Boolean.parseBoolean(m.get("reboot"))));
  }

  void writePending(Pending pending) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("target", pending.target());
    values.put("reboot", Boolean.toString(pending.rebootRequired()));
    DurableFiles.writeMarker(dir.resolve(PENDING), values);
  }

  void clearPending() throws IOException {
    DurableFiles.delete(dir.resolve(PENDING));
  }
}
