package dev.convoy.server.technician;

import dev.convoy.release.SemanticVersion;

/**
 * Whether a technician's rollback to a version is a downgrade for the endpoint, from what its inventory reports
 * installed now. A failed install normally leaves the previous version in place (the installer did not commit the
 * new one): going "back" to it is then a reinstall of the version the endpoint has, not a downgrade, and must not
 * need the publisher's signed downgrade flag — else a rollback after a failure would only work for releases
 * pre-signed as downgrades, i.e. never in practice. After a successful install the endpoint reports the newer
 * version and the rollback is a real downgrade, which still needs that flag. The server only chooses what to ask:
 * the agent verifies the release again and applies its own version rule against what it detects installed, so a
 * stale inventory at worst makes the rollback fail, never installs an older version unsigned. Stateless.
 */
final class RollbackTarget {
  private RollbackTarget() {}

  /**
   * @param target the version the rollback installs ("" to uninstall)
   * @param installedNow the version the endpoint's inventory reports installed ("" if none or unknown)
   * @return false for an uninstall, or when the endpoint reports {@code target} or an older version installed; true
   *     otherwise (a newer version, or one that cannot be compared: ask for the downgrade, as before)
   */
  static boolean isDowngrade(String target, String installedNow) {
    if (target.isEmpty()) {
      return false;
    }
    if (target.equals(installedNow)) {
      return false;
    }
    try {
      return SemanticVersion.parse(installedNow).compareTo(SemanticVersion.parse(target)) > 0;
    } catch (IllegalArgumentException e) {
      return true; // nothing reported, or not semver: the explicit downgrade is the safe request
    }
  }
}
