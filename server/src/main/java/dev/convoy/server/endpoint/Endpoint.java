package dev.convoy.server.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An enrolled workstation as the server records it. Its identity is its certificate: {@code certificateSerial}
 * is the serial of the one certificate currently accepted for it.
 *
 * @param lastSeen last time the endpoint was heard from and recorded durably (null: never); live presence is
 *     kept in {@link Presence}
 * @param inventoryAt when its last inventory was collected (null: never reported)
 */
public record Endpoint(
    String id,
    String hostname,
    String group,
    Instant enrolledAt,
    String certificateSerial,
    Instant certificateNotAfter,
    String os,
    String osVersion,
    String architecture,
    String agentVersion,
    Instant lastSeen,
    boolean revoked,
    List<ManagedPackage> managedPackages,
    Instant inventoryAt) {

  public Endpoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(enrolledAt, "enrolledAt");
    hostname = Objects.requireNonNullElse(hostname, "");
    certificateSerial = Objects.requireNonNullElse(certificateSerial, "");
    os = Objects.requireNonNullElse(os, "");
    osVersion = Objects.requireNonNullElse(osVersion, "");
    architecture = Objects.requireNonNullElse(architecture, "");
    agentVersion = Objects.requireNonNullElse(agentVersion, "");
    managedPackages = List.copyOf(managedPackages);
  }

  /** A freshly enrolled endpoint: nothing reported yet. */
  public static Endpoint enrolled(String id, String hostname, String group, Instant at, String certificateSerial,
      Instant certificateNotAfter) {
    return new Endpoint(id, hostname, group, at, certificateSerial, certificateNotAfter, "", "", "", "", at, false,
        List.of(), null);
  }

  /** This endpoint with what its inventory report says. */
  public Endpoint withInventory(Inventory inventory, Instant at) {
    String host = inventory.hostname().isEmpty() ? hostname : inventory.hostname();
    String agent = inventory.agentVersion().isEmpty() ? agentVersion : inventory.agentVersion();
    return new Endpoint(id, host, group, enrolledAt, certificateSerial, certificateNotAfter, inventory.os(),
        inventory.osVersion(), inventory.architecture(), agent, at, revoked, inventory.packages(),
        inventory.collectedAt() == null ? at : inventory.collectedAt());
  }

  /** This endpoint as seen when it opened a session. */
  public Endpoint withSession(String newAgentVersion, Instant at) {
    String agent = newAgentVersion.isEmpty() ? agentVersion : newAgentVersion;
    return new Endpoint(id, hostname, group, enrolledAt, certificateSerial, certificateNotAfter, os, osVersion,
        architecture, agent, at, revoked, managedPackages, inventoryAt);
  }

  /** This endpoint, revoked: its certificate is refused from now on. */
  public Endpoint revoke() {
    return new Endpoint(id, hostname, group, enrolledAt, certificateSerial, certificateNotAfter, os, osVersion,
        architecture, agentVersion, lastSeen, true, managedPackages, inventoryAt);
  }

  /** Operating system for display: name and version, e.g. {@code Debian GNU/Linux 12 (bookworm)}. */
  public String osDisplayName() {
    if (osVersion.isEmpty() || os.contains(osVersion)) {
      return os;
    }
    return os.isEmpty() ? osVersion : os + " " + osVersion;
  }
}
