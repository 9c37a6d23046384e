package dev.convoy.installers.deb;

import dev.convoy.installers.InstallContext;
import java.util.Locale;
import java.util.Map;

/**
 * The deb backend's parameters. Immutable.
 *
 * @param packageName parameter {@code package}: the Debian package name; default the release name
 * @param debVersion parameter {@code deb_version}: the Debian version the release installs; default the release
 *     version (set it when they differ, e.g. {@code 1:2.0-1})
 * @param purge parameter {@code purge} ({@code true}/{@code false}, default false): uninstall with {@code --purge}
 * @param dpkg parameters {@code dpkg_root}, {@code dpkg_admindir}, {@code dpkg_log}, {@code timeout}
 */
record DebParameters(String packageName, String debVersion, boolean purge, DpkgOptions dpkg) {

  /** @throws IllegalArgumentException naming the first malformed parameter */
  static DebParameters from(InstallContext context) {
    Map<String, String> p = context.parameters();
    String packageName = DebianNames.requirePackage("parameter package", p.getOrDefault("package",
        context.packageName()));
    String debVersion = DebianNames.requireVersion("parameter deb_version", p.getOrDefault("deb_version",
        context.version()));
    return new DebParameters(packageName, debVersion, bool(p, "purge"), DpkgOptions.from(p));
  }

  private static boolean bool(Map<String, String> parameters, String name) {
    String value = parameters.getOrDefault(name, "false").trim().toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException("parameter " + name + ": '" + parameters.get(name)
          + "' (expected: true or false)");
    }
    return Boolean.parseBoolean(value);
  }
}
