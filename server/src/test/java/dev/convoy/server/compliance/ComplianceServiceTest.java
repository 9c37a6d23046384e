package dev.convoy.server.compliance;

import static dev.convoy.server.testing.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.CampaignState;
import dev.convoy.server.campaign.Delivery;
import dev.convoy.server.campaign.DeploymentAction;
import dev.convoy.server.campaign.Execution;
import dev.convoy.server.campaign.Rollout;
import dev.convoy.server.campaign.Targets;
import dev.convoy.server.compliance.ComplianceReport.Entry;
import dev.convoy.server.compliance.ComplianceReport.VersionCount;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.grpc.CanonicalInventoryHasher;
import dev.convoy.server.inventory.CountingInventoryStore;
import dev.convoy.server.inventory.InventoryConfig;
import dev.convoy.server.inventory.InventoryReport;
import dev.convoy.server.inventory.InventoryService;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.RocksCampaignStore;
import dev.convoy.server.storage.rocksdb.RocksEndpointStore;
import dev.convoy.server.storage.rocksdb.RocksInventoryStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.server.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compliance numbers on a crafted fleet, read from the inventory index. */
class ComplianceServiceTest {
  static final String E1 = "ep-00000000000000e1";
  static final String E2 = "ep-00000000000000e2";
  static final String E3 = "ep-00000000000000e3";
  static final String E4 = "ep-00000000000000e4";
  static final String E5 = "ep-00000000000000e5";
  static final String E6 = "ep-00000000000000e6";

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  RocksStorage storage;
  CountingInventoryStore inventoryStore;
  RocksCampaignStore campaigns;
  InventoryService inventory;
  ComplianceService compliance;
  int totalFacts;

  @BeforeEach
  void open() {
    storage = RocksStorage.open(dir.resolve("db"));
    RocksEndpointStore endpoints = new RocksEndpointStore(storage);
    inventoryStore = new CountingInventoryStore(new RocksInventoryStore(storage));
    campaigns = new RocksCampaignStore(storage);
    inventory = new InventoryService(inventoryStore, storage, clock, new CanonicalInventoryHasher(),
        InventoryConfig.defaults(), endpoints, id -> false);
    compliance = new ComplianceService(inventoryStore, campaigns, endpoints);
    ChangeSet changes = storage.begin();
    for (String id : List.of(E1, E2, E3, E4, E5, E6)) {
      endpoints.put(changes, Endpoint.enrolled(id, "host-" + id.substring(17), "lab", clock.instant(), "01",
          clock.instant()));
    }
    storage.commit(changes);
    report(E1, hello("1.0.0", "convoy", true));
    report(E2, hello("0.9.0", "dpkg", false));
    report(E3, hello("1.1.0", "convoy", true));
    report(E4, hello("0.9.0", "dpkg", true));
    report(E5, Map.of("software.hello-tools.version", "0.1", "software.hello-tools.source", "dpkg",
        "convoy.releases.hello-tools.version", "0.1"));
  }

  @AfterEach
  void close() {
    storage.close();
  }

  static Map<String, Object> hello(String version, String source, boolean managed) {
    Map<String, Object> facts = new TreeMap<>(Map.of("software.hello.version", version,
        "software.hello.upstream_version", version, "software.hello.source", source, "os.family", "debian",
        "software.vim.version", "9.0"));
    if (managed) {
      facts.put("convoy.releases.hello.version", version);
      facts.put("convoy.releases.hello.state", "installed");
    }
    return facts;
  }

  private void report(String id, Map<String, Object> facts) {
    TreeMap<String, Object> sorted = new TreeMap<>(facts);
    totalFacts += sorted.size();
    inventory.report(InventoryReport.full(id, sorted, new CanonicalInventoryHasher().sha256(sorted), "connect"));
  }

  private static Entry entry(String id, String version, String source) {
    return new Entry(id, "host-" + id.substring(17), version, source);
  }

  private void campaign(String id, String version, CampaignState state, Instant finishedAt) {
    ChangeSet changes = storage.begin();
    campaigns.put(changes, new Campaign(id, "", "hello", version, Targets.everyEndpoint(), state, Delivery.PUSH,
        Rollout.BIG_BANG, Execution.AUTOMATIC, "admin", clock.instant(), clock.instant(), finishedAt, 4,
        DeploymentAction.INSTALL, false, null, java.util.List.of(), "", ""));
    storage.commit(changes);
  }

  @Test
  void report_noApprovedRelease_versionsAndUnmanagedWithoutReference() {
    inventoryStore.reset();

    ComplianceReport report = compliance.report("hello", "");

    assertThat(report).isEqualTo(new ComplianceReport("hello", "", "", 5, 4, 0,
        List.of(new VersionCount("0.9.0", 2), new VersionCount("1.1.0", 1), new VersionCount("1.0.0", 1)),
        List.of(), List.of(entry(E2, "0.9.0", "dpkg"))));
    assertThat(inventoryStore.reads()).as("index entries of hello, ids of endpoints with an inventory")
        .isEqualTo(4 * 3 + 3 * 2 + 5);
    assertThat(inventoryStore.reads()).isLessThan(totalFacts);
  }

  @Test
  void report_requestedVersion_behindAndCompliantAgainstIt() {
    ComplianceReport report = compliance.report("hello", "1.0");

    assertThat(report.referenceVersion()).isEqualTo("1.0");
    assertThat(report.referenceSource()).isEqualTo("requested");
    assertThat(report.compliant()).isEqualTo(2);
    assertThat(report.behind()).containsExactly(entry(E2, "0.9.0", "dpkg"), entry(E4, "0.9.0", "dpkg"));
  }

  @Test
  void report_completedCampaigns_latestCompletedOneIsTheReference() {
    campaign("cmp-0000000000000001", "1.0.0", CampaignState.COMPLETED, clock.instant());
    Instant later = clock.instant().plus(Duration.ofDays(1));
    campaign("cmp-0000000000000002", "1.1.0", CampaignState.COMPLETED, later);
    campaign("cmp-0000000000000003", "1.2.0", CampaignState.RUNNING, null);

    ComplianceReport report = compliance.report("hello", "");

    assertThat(report.referenceVersion()).isEqualTo("1.1.0");
    assertThat(report.referenceSource()).isEqualTo("campaign cmp-0000000000000002 (completed " + later + ")");
    assertThat(report.compliant()).isEqualTo(1);
    assertThat(report.behind()).containsExactly(entry(E1, "1.0.0", "convoy"), entry(E2, "0.9.0", "dpkg"),
        entry(E4, "0.9.0", "dpkg"));
    assertThat(report.installed()).isEqualTo(4);
  }

  @Test
  void report_unknownPackageOrBadInput_emptyOrInvalidArgument() {
    ComplianceReport none = compliance.report("emacs", "");
    assertThat(none.installed()).isZero();
    assertThat(none.endpointsTotal()).isEqualTo(5);
    assertThat(none.versions()).isEmpty();
    assertCode(() -> compliance.report("", ""), ErrorCode.INVALID_ARGUMENT);
    assertCode(() -> compliance.report("hello", "1\n0"), ErrorCode.INVALID_ARGUMENT);
  }
}
