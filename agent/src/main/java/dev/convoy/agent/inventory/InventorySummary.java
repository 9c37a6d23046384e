package dev.convoy.agent.inventory;

import java.util.List;

/**
 * The walking skeleton's inventory summary, still sent in the deprecated fields 2-7 of {@code InventoryReport}
 * while the server moves to facts (they carry the same information as {@code host.name}, {@code os.name} ...).
 *
 * @param os the OS pretty name, e.g. {@code Debian GNU/Linux 12 (bookworm)}
 * @param osVersion e.g. {@code 12}
 * @param architecture e.g. {@code amd64}
 * @param managedPackages the releases this agent installed
 */
public record InventorySummary(String hostname, String os, String osVersion, String architecture,
    String agentVersion, List<ManagedPackage> managedPackages) {
  public InventorySummary {
    managedPackages = List.copyOf(managedPackages);
  }
}
