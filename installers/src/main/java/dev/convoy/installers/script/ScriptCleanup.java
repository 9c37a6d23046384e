package dev.convoy.installers.script;

import dev.convoy.installers.InstallLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what a script-backend run can leave behind: staging directories, temporary marker files, and version
 * directories that neither the committed nor a pending install refers to; then the directories when empty.
 * Failures are logged, never thrown: cleanup must not change what the run achieved.
 */
final class ScriptCleanup {
  private static final Logger logger = LoggerFactory.getLogger(ScriptCleanup.class);

  private final ScriptLayout layout;
  private final InstallLog log;

  ScriptCleanup(ScriptLayout layout, InstallLog log) {
    this.layout = layout;
    this.log = log;
  }

  void run() {
    if (!Files.isDirectory(layout.dir())) {
      return;
    }
    try {
      Set<String> keep = new HashSet<>(Set.of(ScriptLayout.CURRENT, ScriptLayout.PENDING));
      layout.current().ifPresent(keep::add);
      layout.pending().ifPresent(p -> keep.add(p.target()));
      for (Path entry : entries()) {
        String name = entry.getFileName().toString();
        if (!keep.contains(name)) {
          DurableFiles.deleteRecursively(entry);
          log.line("cleanup: removed script/" + name);
        }
      }
      DurableFiles.deleteIfEmpty(layout.dir());
      DurableFiles.deleteIfEmpty(layout.packageDir());
    } catch (IOException e) {
      logger.warn("script cleanup failed dir={}", layout.dir(), e);
      log.line("cleanup failed: " + e);
    }
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> entries = Files.list(layout.dir())) {
      return entries.toList();
    }
  }
}
