package dev.convoy.installers.script;

import java.time.Duration;
import java.util.Map;

/**
 * The script backend's parameters: which scripts of the payload play which part, the timeout of each run and the
 * exit code policy. Immutable.
 *
 * @param installScript parameter {@code install_script}, default {@code install.sh}; required in the payload
 * @param verifyScript parameter {@code verify_script}, default {@code verify.sh}; skipped when absent
 * @param uninstallScript parameter {@code uninstall_script}, default {@code uninstall.sh}; needed to uninstall
 * @param rollbackScript parameter {@code rollback_script}, default {@code rollback.sh}; needed to undo an install
 * @param detectScript parameter {@code detect_script}, default {@code detect.sh}; skipped when absent
 * @param timeout parameter {@code timeout} (see {@link Timeouts}), for each script run
 * @param codes parameters {@code success_codes}, {@code reboot_codes}, {@code retryable_codes}
 */
record ScriptParameters(String installScript, String verifyScript, String uninstallScript, String rollbackScript,
    String detectScript, Duration timeout, ExitCodePolicy codes) {

  /** @throws IllegalArgumentException naming the first malformed parameter */
  static ScriptParameters from(Map<String, String> p) {
    return new ScriptParameters(name(p, "install_script", "install.sh"), name(p, "verify_script", "verify.sh"),
        name(p, "uninstall_script", "uninstall.sh"), name(p, "rollback_script", "rollback.sh"),
        name(p, "detect_script", "detect.sh"), Timeouts.fromParameters(p), ExitCodePolicy.from(p));
  }

  private static String name(Map<String, String> parameters, String parameter, String fallback) {
    return ScriptPayload.requireRelative(parameter, parameters.getOrDefault(parameter, fallback));
  }
}
