package dev.convoy.installers;

import dev.convoy.installers.archive.ArchiveInstaller;
import dev.convoy.installers.deb.DebInstaller;
import dev.convoy.installers.detection.RuleDetectingInstaller;
import dev.convoy.installers.script.ScriptInstaller;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Finds the backend for a release's installer type. Stateless and thread-safe. */
public final class Installers {
  private static final SortedMap<String, Supplier<Installer>> BACKENDS = new TreeMap<>(Map.of(
      ArchiveInstaller.TYPE, ArchiveInstaller::new,
      ScriptInstaller.TYPE, ScriptInstaller::new,
      DebInstaller.TYPE, DebInstaller::new));

  private Installers() {}

  /**
   * The backend for {@code type} ("archive", "script", "deb"), with the release's {@code detect} rule applied
   * when it declares one ({@link RuleDetectingInstaller}). Backends keep no state between calls (everything lives
   * on disk), so the returned instance may serve many runs.
   *
   * @throws IllegalArgumentException for an unknown or null type, naming the known ones
   */
  public static Installer forType(String type) {
    Supplier<Installer> backend = type == null ? null : BACKENDS.get(type);
    if (backend == null) {
      throw new IllegalArgumentException("installer type: '" + type + "' (expected one of: "
          + String.join(", ", knownTypes()) + ")");
    }
    return RuleDetectingInstaller.wrap(backend.get());
  }

  /** The installer types this build knows, sorted. */
  public static SortedSet<String> knownTypes() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(BACKENDS.keySet()));
  }
}
