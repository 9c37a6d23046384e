package dev.convoy.installers.script;

import dev.convoy.installers.InstallContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole environment of a program a backend runs: nothing is inherited from the agent (no proxies, tokens or
 * library paths leak into scripts), only a fixed PATH, LANG and HOME, plus what a script needs to know.
 * Stateless and thread-safe.
 */
public final class CleanEnvironment {
  public static final String PATH = "/usr/sbin:/usr/bin:/sbin:/bin";
  public static final String LANG = "C.UTF-8";

  private CleanEnvironment() {}

  /** {@code PATH}, {@code LANG=C.UTF-8} and {@code HOME=home}. */
  public static Map<String, String> base(Path home) {
    Map<String, String> env = new TreeMap<>();
    env.put("PATH", PATH);
    env.put("LANG", LANG);
    env.put("HOME", home.toAbsolutePath().toString());
    return env;
  }

  /**
   * {@link #base} with {@code HOME} the context's work directory, plus {@code CONVOY_PACKAGE}, {@code
   * CONVOY_VERSION} (the version the script belongs to), {@code CONVOY_PAYLOAD_DIR}, {@code CONVOY_MANAGED_ROOT},
   * {@code CONVOY_ACTION}, and {@code CONVOY_PREVIOUS_VERSION} when a committed version exists that this run would
   * replace or return to.
   *
   * @param previousVersion the committed version, or null when there is none
   */
  public static Map<String, String> forScript(InstallContext context, ScriptAction action, String version,
      Path payloadDir, String previousVersion) {
    Map<String, String> env = base(context.workDir());
    env.put("CONVOY_PACKAGE", context.packageName());
    env.put("CONVOY_VERSION", version);
    env.put("CONVOY_PAYLOAD_DIR", payloadDir.toAbsolutePath().toString());
    env.put("CONVOY_MANAGED_ROOT", context.managedRoot().toAbsolutePath().toString());
    env.put("CONVOY_ACTION", action.value());
    if (previousVersion != null) {
      env.put("CONVOY_PREVIOUS_VERSION", previousVersion);
    }
    return env;
  }
}
