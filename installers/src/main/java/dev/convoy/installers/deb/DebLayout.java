package dev.convoy.installers.deb;

import dev.convoy.installers.InstallContext;
import dev.convoy.installers.script.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the deb backend keeps beside dpkg's own database:
 * <pre>
 *   managedRoot/&lt;package&gt;/deb/&lt;deb version&gt;.deb  the installed version's .deb, kept so that a
 *                                                failed upgrade can reinstall it
 *   managedRoot/&lt;package&gt;/deb/.pending             previous=&lt;deb version or empty&gt;, target=&lt;deb
 *                                                version&gt;: from before dpkg -i until commit or rollback
 * </pre>
 * Debian versions are checked ({@link DebianNames}), so they are safe file names. Not thread-safe; one package is
 * worked on by one caller at a time.
 */
final class DebLayout {
  static final String PENDING = ".pending";
  private static final String SUFFIX = ".deb";

  private final Path packageDir;
  private final Path dir;

  DebLayout(InstallContext context) {
    packageDir = context.managedRoot().resolve(context.packageName());
    dir = packageDir.resolve("deb");
  }

  /** An install between dpkg -i and commit or rollback; {@code previous} is "" when none was installed. */
  record Pending(String previous, String target) {
    Optional<String> previousVersion() {
      return previous.isEmpty() ? Optional.empty() : Optional.of(previous);
    }
  }

  Path packageDir() {
    return packageDir;
  }

  Path dir() {
    return dir;
  }

  Path kept(String debVersion) {
    return dir.resolve(debVersion + SUFFIX);
  }

  /** Copies {@code payload} to {@link #kept} atomically (a temporary copy renamed into place). */
  void keep(Path payload, String debVersion) throws IOException {
    Files.createDirectories(dir);
    Path temp = dir.resolve(".tmp-" + UUID.randomUUID());
    try {
      Files.copy(payload, temp);
      Files.move(temp, kept(debVersion), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      DurableFiles.fsyncDirectory(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Deletes every kept .deb except {@code debVersion}'s; returns how many. */
  int dropKeptExcept(String debVersion) throws IOException {
    int dropped = 0;
    try (var entries = Files.list(dir)) {
      for (Path p : entries.toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(SUFFIX) && !name.equals(debVersion + SUFFIX)) {
          Files.delete(p);
          dropped++;
        }
      }
    }
    return dropped;
  }

  Optional<Pending> pending() throws IOException {
    return DurableFiles.readMarker(dir.resolve(PENDING))
        .map(m -> new Pending(m.getOrDefault("previous", ""), m.getOrDefault("target", "")));
  }

  void writePending(Pending pending) throws IOException {
    Files.createDirectories(dir);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("previous", pending.previous());
    values.put("target", pending.target());
    DurableFiles.writeMarker(dir.resolve(PENDING), values);
  }

  void clearPending() throws IOException {
    DurableFiles.delete(dir.resolve(PENDING));
  }
}
