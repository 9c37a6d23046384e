package dev.convoy.installers.deb;

import java.util.regex.Pattern;

/** Checks Debian package names and versions (Debian Policy 5.6.1 and 5.6.12). Stateless and thread-safe. */
public final class DebianNames {
  private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
  /** Without a revision the upstream part has no hyphen; with one, the revision follows the last hyphen. */
  private static final Pattern VERSION = Pattern.compile(
      "([0-9]+:)?[0-9][A-Za-z0-9.+~]*(-[A-Za-z0-9.+~]+)?|([0-9]+:)?[0-9][A-Za-z0-9.+~-]*-[A-Za-z0-9.+~]+");

  private DebianNames() {}

  /**
   * @return {@code value}
   * @throws IllegalArgumentException when it is not a Debian package name, naming {@code what}
   */
  public static String requirePackage(String what, String value) {
    if (value == null || !PACKAGE.matcher(value).matches()) {
      throw new IllegalArgumentException(what + ": '" + value
          + "' (expected: a Debian package name: lower-case letters, digits, '+', '-', '.'; at least 2 characters)");
    }
    return value;
  }

  /**
   * @return {@code value}
   * @throws IllegalArgumentException when it is not a Debian version ([epoch:]upstream[-revision]), naming {@code what}
   */
  public static String requireVersion(String what, String value) {
    if (value == null || !VERSION.matcher(value).matches()) {
      throw new IllegalArgumentException(what + ": '" + value
          + "' (expected: a Debian version [epoch:]upstream[-revision], starting with a digit)");
    }
    return value;
  }
}
