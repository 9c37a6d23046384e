package dev.convoy.release;

/** What installing a release does to the installed version of its package. */
public enum VersionChange {
  /** Nothing of the package is installed. */
  NEW_INSTALL,
  /** The release is newer. */
  UPGRADE,
  /** The release has the installed version's precedence (detection decides whether anything runs). */
  SAME_VERSION,
  /** The release is older, signed as a downgrade, and the caller allows one. */
  DOWNGRADE
}
