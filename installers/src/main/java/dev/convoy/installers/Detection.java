package dev.convoy.installers;

/**
 * What {@link Installer#detect} found.
 *
 * @param installedVersion the version currently installed, or null when none is
 */
public record Detection(Status status, String installedVersion) {
  public enum Status { NOT_INSTALLED, INSTALLED_SAME, INSTALLED_OTHER }

  public static Detection notInstalled() {
    return new Detection(Status.NOT_INSTALLED, null);
  }

  public static Detection same(String version) {
    return new Detection(Status.INSTALLED_SAME, version);
  }

  public static Detection other(String version) {
    return new Detection(Status.INSTALLED_OTHER, version);
  }
}
