package dev.convoy.agent.inventory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the inventory report: host name, OS pretty name and version (os-release), architecture, agent version
 * and the packages this agent manages. Thread-safe if the package supplier is.
 */
public final class InventoryCollector {
  private final Path osReleaseFile;
  private final String agentVersion;
  private final Supplier<List<ManagedPackage>> managedPackages;
  private final Clock clock;

  /**
   * @param osReleaseFile usually {@link OsRelease#DEFAULT_FILE}
   * @param managedPackages the packages installed by this agent (from the deployment journal)
   */
  public InventoryCollector(Path osReleaseFile, String agentVersion, Supplier<List<ManagedPackage>> managedPackages,
      Clock clock) {
    this.osReleaseFile = osReleaseFile;
    this.agentVersion = agentVersion;
    this.managedPackages = managedPackages;
    this.clock = clock;
  }

  /** A fresh report. */
  public InventoryReport collect() {
    OsRelease os = OsRelease.read(osReleaseFile);
    return new InventoryReport(Hostnames.local(), os.prettyName(), os.version(), System.getProperty("os.arch"),
        agentVersion, managedPackages.get(), clock.instant());
  }
}
