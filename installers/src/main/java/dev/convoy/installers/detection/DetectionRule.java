package dev.convoy.installers.detection;

import dev.convoy.installers.Detection;
import dev.convoy.installers.InstallContext;
import dev.convoy.installers.deb.DebianNames;
import dev.convoy.installers.script.ProcessRunner;

/**
 * How to tell whether a release is installed, declared by the release's {@code detect} parameter and usable with
 * any backend (it replaces the backend's own detection; see {@link RuleDetectingInstaller}):
 * <ul>
 *   <li>{@code file:<path>[:<expected>]} ({@link FileRule}): a file under {@code managedRoot/<package>/current}
 *   <li>{@code dpkg:<package>} ({@link DpkgRule}): dpkg's database has the package at the release's Debian version
 *   <li>{@code script:<path>} ({@link ScriptRule}): a script exits 0
 * </ul>
 * Immutable and thread-safe.
 */
public sealed interface DetectionRule permits FileRule, DpkgRule, ScriptRule {
  /** The release parameter that holds the rule. */
  String PARAMETER = "detect";

  /**
   * Whether {@code context}'s release is installed.
   *
   * @param runner runs the programs a rule needs (dpkg-query, a script)
   * @throws RuntimeException when the state cannot be told (the lifecycle then fails at DETECTING)
   */
  Detection detect(InstallContext context, ProcessRunner runner);

  /**
   * Parses a {@code detect} parameter.
   *
   * @throws IllegalArgumentException naming what is malformed and the accepted forms
   */
  static DetectionRule parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    String kind = colon < 0 ? "" : text.substring(0, colon);
    String rest = colon < 0 ? "" : text.substring(colon + 1);
    return switch (kind) {
      case "file" -> FileRule.parse(rest);
      case "dpkg" -> new DpkgRule(DebianNames.requirePackage("parameter detect: dpkg package", rest));
      case "script" -> ScriptRule.parse(rest);
      default -> throw new IllegalArgumentException("parameter " + PARAMETER + ": '" + text
          + "' (expected: file:<path>[:<expected>], dpkg:<package> or script:<path>)");
    };
  }
}
