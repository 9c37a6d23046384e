package dev.convoy.installers.detection;

import dev.convoy.installers.Detection;
import dev.convoy.installers.InstallContext;
import dev.convoy.installers.script.ProcessRunner;
import dev.convoy.installers.script.ScriptDetector;
import dev.convoy.installers.script.ScriptPayload;
import dev.convoy.installers.script.Timeouts;
import java.nio.file.Path;

/**
 * {@code script:<path>}: the release is installed when the script exits 0, and not installed on any other exit
 * (run by {@link ScriptDetector}: {@code /bin/sh}, clean environment, {@code timeout} parameter). A relative path
 * names a script in the payload archive; an absolute one a script already on this machine.
 *
 * @param path relative (inside the payload) or absolute and normalised
 */
public record ScriptRule(String path) implements DetectionRule {
  public ScriptRule {
    if (path != null && path.startsWith("/")) {
      if (!Path.of(path).normalize().toString().equals(path)) {
        throw new IllegalArgumentException("detect script path: '" + path + "' (expected: normalised, without '..')");
      }
    } else {
      ScriptPayload.requireRelative("detect script path", path);
    }
  }

  static ScriptRule parse(String rest) {
    return new ScriptRule(rest);
  }

  @Override
  public Detection detect(InstallContext context, ProcessRunner runner) {
    boolean installed = new ScriptDetector(runner).passes(context, path, Timeouts.fromParameters(context.parameters()))
        .orElseThrow(() -> new IllegalArgumentException("detect script:" + path + ": no such script (expected: "
            + (path.startsWith("/") ? "a file on this machine" : "a file in the payload archive") + ")"));
    return installed ? Detection.same(context.version()) : Detection.notInstalled();
  }
}
