package dev.convoy.agent.inventory.packages;

import java.util.List;
import java.util.Optional;

/** A system package database (dpkg, rpm): a port, so tests point it at crafted databases. Thread-safe. */
public interface PackageDatabase {
  /** The {@code software[...].source} value of its packages: {@code dpkg}, {@code rpm}. */
  String source();

  /**
   * The installed packages, names unique.
   *
   * @return empty when the database's tool is not installed on this machine
   * @throws PackageQueryException when the tool is there but the query fails
   */
  Optional<List<InstalledPackage>> installed();
}
