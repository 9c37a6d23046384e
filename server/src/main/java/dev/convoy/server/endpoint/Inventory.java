package dev.convoy.server.endpoint;

import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import java.time.Instant;
import java.util.List;

/**
 * What an agent reports about its endpoint. Validated on construction: every field is bounded, so that one agent
 * cannot grow the server's records without limit.
 *
 * @param collectedAt when the agent collected it (null: unknown, the server's receive time is used)
 * @throws ConvoyException INVALID_ARGUMENT naming the field that is too long or malformed
 */
public record Inventory(String hostname, String os, String osVersion, String architecture, String agentVersion,
    List<ManagedPackage> packages, Instant collectedAt) {
  /** Upper bound on reported packages. */
  public static final int MAX_PACKAGES = 10_000;

  public Inventory {
    hostname = Require.optionalText("hostname", hostname, 253);
    os = Require.optionalText("os", os, 200);
    osVersion = Require.optionalText("os_version", osVersion, 100);
    architecture = Require.optionalText("architecture", architecture, 64);
    agentVersion = Require.optionalText("agent_version", agentVersion, 64);
    if (packages.size() > MAX_PACKAGES) {
      throw ConvoyException.invalidArgument(
          "managed_packages: " + packages.size() + " entries (expected: at most " + MAX_PACKAGES + ")");
    }
    packages = List.copyOf(packages);
  }
}
