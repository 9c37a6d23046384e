package dev.convoy.installers.deb;

import dev.convoy.installers.Detection;

/**
 * What dpkg's database says about one package.
 *
 * @param version the version dpkg knows (installed, half-installed or with config files left), or null
 * @param abbrev dpkg's three-letter status ({@code ii }, {@code iF }, {@code rc }), or null when unknown to dpkg
 */
public record DpkgStatus(String version, String abbrev) {
  public static DpkgStatus unknown() {
    return new DpkgStatus(null, null);
  }

  /** Whether dpkg has any record of the package (installed, broken, or config files left). */
  public boolean known() {
    return abbrev != null && abbrev.length() >= 2 && abbrev.charAt(1) != 'n';
  }

  /** Whether the package is fully installed: status installed, or installed with triggers pending. */
  public boolean installed() {
    return known() && "iWt".indexOf(abbrev.charAt(1)) >= 0;
  }

  /** Whether the package is fully installed at exactly {@code expected}. */
  public boolean installedAt(String expected) {
    return installed() && expected.equals(version);
  }

  /** For messages: {@code 2.0 ii}, or {@code not known to dpkg}. */
  public String describe() {
    return known() ? version + " " + abbrev.trim() : "not known to dpkg";
  }

  /**
   * This status as the detection of a release at {@code expected}: installed at it is the same release, installed
   * at another version another release, anything else (unknown, config files only, half-installed) not installed.
   */
  public Detection detection(String expected) {
    if (!installed()) {
      return Detection.notInstalled();
    }
    return installedAt(expected) ? Detection.same(version) : Detection.other(version);
  }
}
