package dev.convoy.agent.deployment;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Installer parameters this endpoint sets for itself ({@code installer.<type>.<param>=value} in agent.properties,
 * e.g. {@code installer.deb.dpkg_root=/srv/isolated-root}), merged into the parameters of every release of that
 * installer type.
 *
 * <p>A release's own (signed) parameter wins, except for {@link #ENDPOINT_DECIDES}: where the endpoint's package
 * database lives ({@code dpkg_root}, {@code dpkg_admindir}) is the endpoint's business, not the publisher's. A
 * release must not move a machine's installs into another database, and an endpoint that keeps Convoy's
 * packages in an isolated root (the end-to-end tests do) must not have a release install into the real one.
 *
 * @param byType parameter name to value, per installer type
 */
public record SiteParameters(Map<String, Map<String, String>> byType) {
  /** Parameters where the endpoint's value wins over the release's. */
  public static final Set<String> ENDPOINT_DECIDES = Set.of("dpkg_root", "dpkg_admindir");
  /** The agent.properties key prefix. */
  public static final String PREFIX = "installer.";
  private static final Pattern KEY = Pattern.compile("installer\\.([a-z][a-z0-9-]{0,31})\\.([A-Za-z0-9._-]{1,64})");

  /** No site parameters. */
  public static final SiteParameters NONE = new SiteParameters(Map.of());

  public SiteParameters {
    Map<String, Map<String, String>> copy = new TreeMap<>();
    byType.forEach((type, parameters) -> copy.put(type, Map.copyOf(parameters)));
    byType = Map.copyOf(copy);
  }

  /**
   * The {@code installer.<type>.<param>} keys of agent.properties.
   *
   * @throws IllegalArgumentException for a key with that prefix that is not {@code installer.<type>.<param>}
   */
  public static SiteParameters fromProperties(Map<String, String> values) {
    Map<String, Map<String, String>> byType = new HashMap<>();
    values.forEach((key, value) -> {
      if (!key.startsWith(PREFIX)) {
        return;
      }
      var m = KEY.matcher(key);
      if (!m.matches()) {
        throw new IllegalArgumentException("agent.properties: " + key + " (expected: installer.<type>.<parameter>,"
            + " e.g. installer.deb.dpkg_root)");
      }
      byType.computeIfAbsent(m.group(1), t -> new TreeMap<>()).put(m.group(2), value.trim());
    });
    return new SiteParameters(byType);
  }

  /** The release's parameters for an installer of {@code type} with this endpoint's merged in (see above). */
  public Map<String, String> merge(String type, Map<String, String> release) {
    Map<String, String> merged = new TreeMap<>(release);
    byType.getOrDefault(type, Map.of()).forEach((name, value) -> {
      if (ENDPOINT_DECIDES.contains(name) || !merged.containsKey(name)) {
        merged.put(name, value);
      }
    });
    return merged;
  }

  /** The keys as agent.properties spells them. */
  public Map<String, String> toProperties() {
    Map<String, String> values = new TreeMap<>();
    byType.forEach((type, parameters) -> parameters.forEach((name, value) -> values.put(PREFIX + type + "." + name,
        value)));
    return values;
  }
}
