package dev.convoy.agent.inventory.packages;

import java.util.Objects;

/**
 * One package of the system's package database.
 *
 * @param name the package name ({@code name:arch} for the second architecture of a multi-arch package)
 * @param version the full version, e.g. {@code 4:7.4.7-1+deb12u4}
 * @param upstreamVersion without epoch and packaging revision, e.g. {@code 7.4.7}
 * @param arch the package architecture, empty when the database has none
 * @param source {@code dpkg}, {@code rpm} or {@code convoy}
 */
public record InstalledPackage(String name, String version, String upstreamVersion, String arch, String source) {
  public InstalledPackage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(upstreamVersion, "upstreamVersion");
    arch = arch == null ? "" : arch;
    Objects.requireNonNull(source, "source");
  }

  InstalledPackage renamed(String newName) {
    return new InstalledPackage(newName, version, upstreamVersion, arch, source);
  }
}
