package dev.convoy.installers.script;

import dev.convoy.installers.archive.ArchiveBuilder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds script payloads for tests: an "app" whose scripts install {@code files/hello} and a {@code VERSION} file
 * into {@code managedRoot/<package>/current}, back the previous tree up to {@code backup} (which rollback.sh
 * restores), verify the VERSION file, detect by it, and uninstall by deleting both. Exit codes and missing scripts
 * are configurable.
 */
public final class ScriptPayloads {
  private static final String PKG = "pkg=\"$CONVOY_MANAGED_ROOT/$CONVOY_PACKAGE\"\n";

  private final String version;
  private final Map<String, String> scripts = new LinkedHashMap<>();
  private boolean zip;

  private ScriptPayloads(String version) {
    this.version = version;
    scripts.put("install.sh", install(0));
    scripts.put("verify.sh", "#!/bin/sh\n" + PKG + "[ \"$(cat \"$pkg/current/VERSION\")\" = \"$CONVOY_VERSION\" ]"
        + " || { echo \"VERSION is not $CONVOY_VERSION\"; exit 1; }\n");
    scripts.put("rollback.sh", "#!/bin/sh\nset -e\n" + PKG + "rm -rf \"$pkg/current\"\n"
        + "if [ -d \"$pkg/backup\" ]; then mv \"$pkg/backup\" \"$pkg/current\"; fi\n"
        + "echo \"restored ${CONVOY_PREVIOUS_VERSION:-nothing}\"\n");
    scripts.put("detect.sh", "#!/bin/sh\n" + PKG
        + "[ -f \"$pkg/current/VERSION\" ] && [ \"$(cat \"$pkg/current/VERSION\")\" = \"$CONVOY_VERSION\" ]\n");
    scripts.put("uninstall.sh", uninstall(0));
  }

  public static ScriptPayloads app(String version) {
    return new ScriptPayloads(version);
  }

  private static String install(int exit) {
    return "#!/bin/sh\nset -e\n" + PKG + "rm -rf \"$pkg/backup\"\n"
        + "if [ -d \"$pkg/current\" ]; then cp -a \"$pkg/current\" \"$pkg/backup\"; fi\n"
        + "mkdir -p \"$pkg/current/bin\"\n"
        + "cp \"$CONVOY_PAYLOAD_DIR/files/hello\" \"$pkg/current/bin/hello\"\nchmod 755 \"$pkg/current/bin/hello\"\n"
        + "printf '%s\\n' \"$CONVOY_VERSION\" > \"$pkg/current/VERSION\"\n"
        + "echo \"installed $CONVOY_VERSION over ${CONVOY_PREVIOUS_VERSION:-nothing}\"\nexit " + exit + "\n";
  }

  private static String uninstall(int exit) {
    return "#!/bin/sh\n" + PKG + "if [ " + exit + " -ne 0 ]; then echo 'cannot uninstall'; exit " + exit + "; fi\n"
        + "rm -rf \"$pkg/current\" \"$pkg/backup\"\n";
  }

  /** install.sh installs, then exits {@code code}. */
  public ScriptPayloads installExits(int code) {
    scripts.put("install.sh", install(code));
    return this;
  }

  /** verify.sh exits {@code code} after its check. */
  public ScriptPayloads verifyExits(int code) {
    scripts.put("verify.sh", scripts.get("verify.sh") + "exit " + code + "\n");
    return this;
  }

  public ScriptPayloads uninstallExits(int code) {
    scripts.put("uninstall.sh", uninstall(code));
    return this;
  }

  public ScriptPayloads without(String script) {
    scripts.remove(script);
    return this;
  }

  /** Adds or replaces {@code name} with {@code body}. */
  public ScriptPayloads script(String name, String body) {
    scripts.put(name, body);
    return this;
  }

  public ScriptPayloads zip() {
    this.zip = true;
    return this;
  }

  /** Writes the payload into {@code dir} under a fresh name and returns it. */
  public Path write(Path dir) {
    ArchiveBuilder builder = zip ? ArchiveBuilder.zip() : ArchiveBuilder.tarGz();
    scripts.forEach((name, body) -> builder.file(name, body));
    builder.executable("files/hello", "#!/bin/sh\necho hello " + version + "\n");
    return builder.write(dir.resolve("hello-" + version + "-" + UUID.randomUUID() + (zip ? ".zip" : ".tar.gz")));
  }
}
