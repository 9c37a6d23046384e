package dev.convoy.server.compliance;

import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.CampaignState;
import dev.convoy.server.campaign.CampaignStore;
import dev.convoy.server.common.Require;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.endpoint.EndpointStore;
import dev.convoy.server.inventory.InventoryStore;
import dev.convoy.server.inventory.query.Path;
import dev.convoy.server.inventory.query.VersionComparator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Compliance of the fleet with a package's approved release. The reference version is the one asked for, else the
 * release of the most recent COMPLETED campaign of that package. Everything is read from the inventory index: the
 * package's own facts ({@code software["<pkg>"]...}) and its Convoy release facts ({@code convoy.releases["<pkg>"]}),
 * never whole inventories. Thread-safe.
 */
public final class ComplianceService {
  /** Longest list of endpoints returned for {@code behind} and for {@code unmanaged}. */
  public static final int MAX_ENTRIES = 10_000;
  public static final int MAX_PACKAGE_CHARS = 256;

  private final InventoryStore inventory;
  private final CampaignStore campaigns;
  private final EndpointStore endpoints;

  public ComplianceService(InventoryStore inventory, CampaignStore campaigns, EndpointStore endpoints) {
    this.inventory = inventory;
    this.campaigns = campaigns;
    this.endpoints = endpoints;
  }

  /**
   * The compliance of {@code packageName}.
   *
   * @param releaseVersion the reference version; empty for the approved release
   * @throws dev.convoy.server.error.ConvoyException INVALID_ARGUMENT for an empty or malformed package or version
   */
  public ComplianceReport report(String packageName, String releaseVersion) {
    return report(packageName, releaseVersion, endpointId -> true);
  }

  /**
   * The compliance of {@code packageName} among the endpoints {@code counted} accepts (a person's scope): totals,
   * version counts and lists cover only those.
   *
   * @throws dev.convoy.server.error.ConvoyException INVALID_ARGUMENT for an empty or malformed package or version
   */
  public ComplianceReport report(String packageName, String releaseVersion, Predicate<String> counted) {
    Require.text("package", packageName, MAX_PACKAGE_CHARS);
    String requested = Require.optionalText("release_version", releaseVersion, 128);
    String reference = requested;
    String source = requested.isEmpty() ? "" : "requested";
    if (requested.isEmpty()) {
      Optional<Campaign> approved = approvedCampaign(packageName);
      reference = approved.map(Campaign::releaseVersion).orElse("");
      source = approved.map(c -> "campaign " + c.id() + " (completed " + c.finishedAt() + ")").orElse("");
    }
    Installed installed = installed(packageName, counted);
    Set<String> managed = new TreeSet<>();
    inventory.scanIndex(Path.of("convoy", "releases", packageName).toString(), true, (endpointId, path, value) -> {
      managed.add(endpointId);
      return true;
    });
    int compliant = 0;
    List<ComplianceReport.Entry> behind = new ArrayList<>();
    List<ComplianceReport.Entry> unmanaged = new ArrayList<>();
    for (String endpointId : installed.endpoints()) {
      String version = installed.versions().get(endpointId);
      if (!reference.isEmpty() && version != null) {
        if (VersionComparator.INSTANCE.compare(version, reference) >= 0) {
          compliant++;
        } else if (behind.size() < MAX_ENTRIES) {
          behind.add(entry(endpointId, installed));
        }
      }
      if (!managed.contains(endpointId) && unmanaged.size() < MAX_ENTRIES) {
        unmanaged.add(entry(endpointId, installed));
      }
    }
    int total = (int) inventory.endpointIds().stream().filter(counted).count();
    return new ComplianceReport(packageName, reference, source, total,
        installed.endpoints().size(), compliant, versionCounts(installed.versions()), behind, unmanaged);
  }

  /** The endpoints that have the package, with its version and source where reported. */
  private record Installed(Set<String> endpoints, Map<String, String> versions, Map<String, String> sources) {}

  private Installed installed(String packageName, Predicate<String> counted) {
    String versionPath = Path.of("software", packageName, "version").toString();
    String sourcePath = Path.of("software", packageName, "source").toString();
    Installed installed = new Installed(new TreeSet<>(), new HashMap<>(), new HashMap<>());
    inventory.scanIndex(Path.of("software", packageName).toString(), true, (endpointId, path, value) -> {
      if (!counted.test(endpointId)) {
        return true;
      }
      installed.endpoints().add(endpointId);
      if (path.equals(versionPath)) {
        installed.versions().put(endpointId, String.valueOf(value));
      } else if (path.equals(sourcePath)) {
        installed.sources().put(endpointId, String.valueOf(value));
      }
      return true;
    });
    return installed;
  }

  private Optional<Campaign> approvedCampaign(String packageName) {
    return campaigns.list().stream()
        .filter(c -> c.state() == CampaignState.COMPLETED && c.releaseName().equals(packageName))
        .max(Comparator.comparing((Campaign c) -> Objects.requireNonNullElse(c.finishedAt(), Instant.MIN))
            .thenComparing(Campaign::id));
  }

  private ComplianceReport.Entry entry(String endpointId, Installed installed) {
    return new ComplianceReport.Entry(endpointId, endpoints.find(endpointId).map(Endpoint::hostname).orElse(""),
        installed.versions().getOrDefault(endpointId, ""), installed.sources().getOrDefault(endpointId, ""));
  }

  /** Per version, most endpoints first, then the higher version first. */
  private static List<ComplianceReport.VersionCount> versionCounts(Map<String, String> versions) {
    SortedMap<String, Integer> counts = new TreeMap<>();
    versions.values().forEach(version -> counts.merge(version, 1, Integer::sum));
    List<ComplianceReport.VersionCount> list = new ArrayList<>();
    counts.forEach((version, count) -> list.add(new ComplianceReport.VersionCount(version, count)));
    list.sort(Comparator.comparingInt(ComplianceReport.VersionCount::endpoints).reversed()
        .thenComparing(ComplianceReport.VersionCount::version, VersionComparator.INSTANCE.reversed()));
    return list;
  }
}
