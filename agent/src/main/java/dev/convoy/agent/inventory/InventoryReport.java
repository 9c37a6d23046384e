package dev.convoy.agent.inventory;

import java.time.Instant;
import java.util.List;

/**
 * What the agent tells the server about its workstation.
 *
 * @param os the OS pretty name, e.g. {@code Debian GNU/Linux 12 (bookworm)}
 * @param osVersion e.g. {@code 12}
 * @param architecture e.g. {@code amd64}
 */
public record InventoryReport(String hostname, String os, String osVersion, String architecture, String agentVersion,
    List<ManagedPackage> managedPackages, Instant collectedAt) {
  public InventoryReport {
    managedPackages = List.copyOf(managedPackages);
  }
}
