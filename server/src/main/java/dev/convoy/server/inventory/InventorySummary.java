package dev.convoy.server.inventory;

import dev.convoy.server.common.Require;
import dev.convoy.server.endpoint.Inventory;
import dev.convoy.server.endpoint.ManagedPackage;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.inventory.query.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the endpoint registry shows from an inventory ({@code host.name}, {@code os.name}, {@code os.arch},
 * {@code agent.version}, {@code convoy.releases}); empty text where the fact is missing. Texts are cut and cleaned
 * to fit the endpoint record, so a long or odd fact never makes an applied report fail afterwards. Immutable.
 */
public record InventorySummary(String hostname, String osName, String architecture, String agentVersion,
    List<ManagedPackage> releases) {
  private static final String RELEASES = "convoy.releases";
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  public InventorySummary {
    releases = List.copyOf(releases);
  }

  /** The summary of a whole inventory. */
  public static InventorySummary of(SortedMap<String, Object> facts) {
    return new InventorySummary(text(facts, "host.name", 253), text(facts, "os.name", 200),
        text(facts, "os.arch", 64), text(facts, "agent.version", 64), releases(facts));
  }

  /**
   * This summary over the report's deprecated summary fields ({@code legacy}): each fact that is present wins, the
   * rest keeps what the old fields said, so agents that still send both lose nothing.
   */
  public Inventory over(Inventory legacy) {
    boolean hasOs = !osName.isEmpty();
    return new Inventory(or(hostname, legacy.hostname()), hasOs ? osName : legacy.os(),
        hasOs ? "" : legacy.osVersion(), or(architecture, legacy.architecture()),
        or(agentVersion, legacy.agentVersion()), releases.isEmpty() ? legacy.packages() : releases,
        legacy.collectedAt());
  }

  private static String or(String preferred, String fallback) {
    return preferred.isEmpty() ? fallback : preferred;
  }

  private static String text(Map<String, Object> facts, String path, int max) {
    Object value = facts.get(path);
    if (value == null) {
      return "";
    }
    String text = String.valueOf(value);
    return Require.head(hasControl(text) ? CONTROL.matcher(text).replaceAll(" ") : text, max).strip();
  }

  private static boolean hasControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static List<ManagedPackage> releases(SortedMap<String, Object> facts) {
    Map<String, String[]> byName = new TreeMap<>();
    for (Map.Entry<String, Object> fact : facts.subMap(RELEASES, RELEASES + Character.MAX_VALUE).entrySet()) {
      List<Path.Segment> segments = FactPaths.parse(fact.getKey()).segments();
      if (segments.size() == 4 && segments.get(2) instanceof Path.Key name
          && segments.get(3) instanceof Path.Key field) {
        String[] entry = byName.computeIfAbsent(name.name(), n -> new String[2]);
        if (field.name().equals("version")) {
          entry[0] = String.valueOf(fact.getValue());
        } else if (field.name().equals("state")) {
          entry[1] = String.valueOf(fact.getValue());
        }
      }
    }
    List<ManagedPackage> packages = new ArrayList<>();
    byName.forEach((name, entry) -> {
      try {
        packages.add(new ManagedPackage(name, entry[0], entry[1]));
      } catch (ConvoyException e) {
        // a name or value the endpoint record cannot hold: the facts keep it, the summary leaves it out
      }
    });
    return packages.size() > Inventory.MAX_PACKAGES ? packages.subList(0, Inventory.MAX_PACKAGES) : packages;
  }
}
