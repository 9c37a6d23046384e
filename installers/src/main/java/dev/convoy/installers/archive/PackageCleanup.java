package dev.convoy.installers.archive;

import dev.convoy.installers.InstallLog;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what interrupted or failed runs leave in a package directory: staging and trash directories, temporary
 * links, the marker's temporary file, versions nothing refers to (neither {@code current} nor a pending install),
 * and the package directory itself once it holds nothing. Best effort: each failure is logged and the rest goes on.
 * Not thread-safe; runs while no other step works on the package.
 */
final class PackageCleanup {
  private static final Logger logger = LoggerFactory.getLogger(PackageCleanup.class);

  private final PackageLayout layout;
  private final InstallLog log;

  PackageCleanup(PackageLayout layout, InstallLog log) {
    this.layout = layout;
    this.log = log;
  }

  void run() {
    if (!Files.isDirectory(layout.dir(), LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    for (Path child : list(layout.dir())) {
      String name = child.getFileName().toString();
      if (name.startsWith(PackageLayout.STAGING_PREFIX) || name.startsWith(PackageLayout.TRASH_PREFIX)
          || name.startsWith(PackageLayout.LINK_PREFIX) || name.equals(layout.pendingMarker().getFileName() + ".tmp")) {
        remove(child, "leftover " + name);
      }
    }
    referencedVersions().ifPresent(this::removeUnreferenced);
  }

  /** The versions still needed, or empty when that cannot be known (then nothing is removed). */
  private Optional<Set<String>> referencedVersions() {
    Set<String> referenced = new HashSet<>();
    try {
      layout.currentVersion().ifPresent(referenced::add);
      layout.pending().ifPresent(p -> {
        referenced.add(p.target());
        p.previousVersion().ifPresent(referenced::add);
      });
      return Optional.of(referenced);
    } catch (IOException e) {
      logger.warn("cleanup keeps all versions, state unreadable package={}", layout.dir(), e);
      return Optional.empty();
    }
  }

  private void removeUnreferenced(Set<String> referenced) {
    if (Files.isDirectory(layout.versions(), LinkOption.NOFOLLOW_LINKS)) {
      for (Path version : list(layout.versions())) {
        if (!referenced.contains(version.getFileName().toString())) {
          remove(version, "unreferenced version " + version.getFileName());
        }
      }
    }
    if (referenced.isEmpty() && list(layout.versions()).isEmpty() && !Files.exists(layout.current(),
        LinkOption.NOFOLLOW_LINKS)) {
      // A first install that failed: leave the managed root as it was before.
      remove(layout.dir(), "empty package directory");
    }
  }

  private void remove(Path path, String what) {
    try {
      FileTrees.deleteRecursively(path);
      log.line("cleanup: removed " + what);
    } catch (IOException e) {
      logger.warn("cleanup could not remove path={}", path, e);
      log.line("cleanup: could not remove " + what + ": " + e);
    }
  }

  private static List<Path> list(Path dir) {
    List<Path> children = new ArrayList<>();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return children;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    } catch (IOException e) {
      logger.warn("cleanup could not list dir={}", dir, e);
    }
    return children;
  }
}
