package dev.convoy.server.compliance;

import java.util.List;
import java.util.Objects;

/**
 * Which endpoints run which version of a package, against a reference version.
 *
 * @param referenceVersion empty when none was asked for and no campaign of the package has completed
 * @param referenceSource {@code requested}, or which campaign the reference comes from; empty with no reference
 * @param endpointsTotal endpoints with an inventory
 * @param installed endpoints that have the package (at any version)
 * @param compliant endpoints at or above the reference version (0 without a reference)
 * @param versions per version, most endpoints first
 * @param behind endpoints below the reference version, in id order (at most {@link ComplianceService#MAX_ENTRIES})
 * @param unmanaged endpoints that have the package though Convoy did not install it, in id order (same bound)
 */
public record ComplianceReport(String packageName, String referenceVersion, String referenceSource,
    int endpointsTotal, int installed, int compliant, List<VersionCount> versions, List<Entry> behind,
    List<Entry> unmanaged) {
  public ComplianceReport {
    Objects.requireNonNull(packageName, "packageName");
    referenceVersion = Objects.requireNonNullElse(referenceVersion, "");
    referenceSource = Objects.requireNonNullElse(referenceSource, "");
    versions = List.copyOf(versions);
    behind = List.copyOf(behind);
    unmanaged = List.copyOf(unmanaged);
  }

  /** How many endpoints have one version. */
  public record VersionCount(String version, int endpoints) {}

  /**
   * One endpoint's copy of the package.
   *
   * @param source where the package came from: {@code dpkg}, {@code rpm} or {@code convoy} (empty if not reported)
   */
  public record Entry(String endpointId, String hostname, String version, String source) {}
}
