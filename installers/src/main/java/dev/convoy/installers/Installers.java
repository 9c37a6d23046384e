package dev.convoy.installers;

/** Finds the backend for a release's installer type. */
public final class Installers {
  private Installers() {}

  /**
   * The backend for {@code type} ("archive").
   *
   * @throws IllegalArgumentException for an unknown type, naming the known ones
   */
  public static Installer forType(String type) {
    throw new UnsupportedOperationException("implemented by the installers module");
  }
}
