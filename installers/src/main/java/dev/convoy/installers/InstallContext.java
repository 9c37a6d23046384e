package dev.convoy.installers;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What one installer run works on.
 *
 * @param packageName the package, e.g. {@code hello}; a safe file name ([A-Za-z0-9._+-], not . or ..)
 * @param version the release version, e.g. {@code 1.2.0}; same character rules
 * @param payload the verified payload, in one of two forms: the payload <em>file</em> (an archive for archive and
 *     script, a .deb for deb; length and SHA-256 already checked by the agent), or, for archive and script, a
 *     <em>directory</em> holding the payload already extracted and verified entry by entry (the agent's release
 *     reader does that against the signed manifest). A directory is moved into the backend's staging area at
 *     stage (one rename on the same file system, else a copy) instead of being unpacked, so the caller must not
 *     use it afterwards; the backend still records what it holds for verify. Null for an uninstall.
 * @param managedRoot the root this agent manages; the archive backend installs under
 *     {@code managedRoot/<package>/current}
 * @param workDir a private scratch directory for this deployment (staging lives here or under managedRoot)
 * @param parameters backend parameters from the release (e.g. {@code format=tar.gz}, {@code maxEntries=10000})
 * @param expectedSize the declared unpacked size cap in bytes, or 0 for the backend's default cap
 * @param log where the backend writes its human-readable log lines (shipped with the report)
 */
public record InstallContext(String packageName, String version, Path payload, Path managedRoot, Path workDir,
    Map<String, String> parameters, long expectedSize, InstallLog log) {
  public InstallContext {
    requireSafeName("package name", packageName);
    requireSafeName("version", version);
    Objects.requireNonNull(managedRoot, "managedRoot");
    Objects.requireNonNull(workDir, "workDir");
    parameters = Map.copyOf(parameters);
    Objects.requireNonNull(log, "log");
  }

  private static void requireSafeName(String what, String value) {
    if (value == null || !value.matches("[A-Za-z0-9._+-]{1,128}") || value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(what + ": '" + value + "' (expected: 1-128 of [A-Za-z0-9._+-], not . or ..)");
    }
  }
}
