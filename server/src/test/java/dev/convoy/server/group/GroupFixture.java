package dev.convoy.server.group;

import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.CampaignContext;
import dev.convoy.server.campaign.CampaignEngine;
import dev.convoy.server.campaign.CampaignEvents;
import dev.convoy.server.campaign.EndpointZones;
import dev.convoy.server.storage.rocksdb.RocksTimerStore;
import dev.convoy.server.campaign.CampaignService;
import dev.convoy.server.campaign.Delivery;
import dev.convoy.server.campaign.DeploymentService;
import dev.convoy.server.campaign.Execution;
import dev.convoy.server.campaign.NewCampaign;
import dev.convoy.server.campaign.Rollout;
import dev.convoy.server.campaign.Targets;
import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.endpoint.Presence;
import dev.convoy.server.enrollment.EnrollmentService;
import dev.convoy.server.grpc.CanonicalInventoryHasher;
import dev.convoy.server.inventory.InventoryConfig;
import dev.convoy.server.inventory.InventoryReport;
import dev.convoy.server.inventory.InventoryService;
import dev.convoy.server.inventory.ReportOutcome;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.file.FileContentStore;
import dev.convoy.server.storage.rocksdb.RocksCampaignStore;
import dev.convoy.server.storage.rocksdb.RocksDeploymentStore;
import dev.convoy.server.storage.rocksdb.RocksEndpointStore;
import dev.convoy.server.storage.rocksdb.RocksGroupStore;
import dev.convoy.server.storage.rocksdb.RocksInventoryStore;
import dev.convoy.server.storage.rocksdb.RocksReleaseStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.server.storage.rocksdb.RocksTokenStore;
import dev.convoy.server.testing.MutableClock;
import dev.convoy.server.testing.ReleaseFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Inventory, groups and campaigns wired as the server wires them, over a real RocksDB, without gRPC; hints are
 * recorded. {@link #reopen()} simulates a restart. Remembers what each endpoint last reported, as its agent would.
 */
final class GroupFixture implements AutoCloseable {
  record Hint(String endpointId, long revision) {}

  final Path dir;
  final MutableClock clock = new MutableClock();
  final List<Hint> hints = new CopyOnWriteArrayList<>();
  final Map<String, Map<String, Object>> reported = new ConcurrentHashMap<>();
  final CanonicalInventoryHasher hasher = new CanonicalInventoryHasher();
  RocksStorage storage;
  RocksEndpointStore endpointStore;
  RocksTokenStore tokens;
  RocksDeploymentStore deployments;
  RocksCampaignStore campaignStore;
  InventoryService inventory;
  GroupService groups;
  CampaignService campaigns;
  CatalogueService catalogue;
  final dev.convoy.release.PublisherKeyPair publisher = dev.convoy.release.PublisherKeys.generate();
  DeploymentService deploymentService;
  EnrollmentService enrollment;

  GroupFixture(Path dir) throws IOException {
    this.dir = dir;
    open();
  }

  private void open() throws IOException {
    storage = RocksStorage.open(dir.resolve("db"));
    endpointStore = new RocksEndpointStore(storage);
    tokens = new RocksTokenStore(storage);
    deployments = new RocksDeploymentStore(storage);
    campaignStore = new RocksCampaignStore(storage);
    EndpointService endpoints = new EndpointService(endpointStore, storage, new Presence(), clock);
    inventory = new InventoryService(new RocksInventoryStore(storage), storage, clock, hasher,
        InventoryConfig.defaults(), endpointStore, id -> false);
    groups = new GroupService(new RocksGroupStore(storage), tokens, endpoints, inventory, storage, clock);
    enrollment = new EnrollmentService(tokens, endpointStore, (id, csr) -> {
      throw new UnsupportedOperationException();
    }, storage, clock, groups::isDynamic);
    catalogue = new CatalogueService(new RocksReleaseStore(storage), new FileContentStore(dir.resolve("content")),
        storage, clock, 1024, () -> dev.convoy.release.TrustedKeys.of(List.of(publisher.publicKey())));
    CampaignEvents events = new CampaignEvents();
    CampaignEngine engine = new CampaignEngine(new CampaignContext(campaignStore, deployments,
        new RocksTimerStore(storage), catalogue, endpointStore, storage, clock, events,
        (endpoint, revision) -> hints.add(new Hint(endpoint, revision)), groups, EndpointZones.UNKNOWN));
    campaigns = engine.campaigns();
    deploymentService = engine.deployments();
    inventory.addListener(new CampaignPickup(groups, campaigns));
  }

  void reopen() throws IOException {
    storage.close();
    open();
  }

  String enroll(String id, String group) {
    ChangeSet changes = storage.begin();
    endpointStore.put(changes, Endpoint.enrolled(id, "host-" + id, group, clock.instant(), "01", clock.instant()));
    storage.commit(changes);
    return id;
  }

  /** Reports {@code facts} as the endpoint's whole inventory: full the first time, then a delta. */
  ReportOutcome report(String endpointId, Map<String, Object> facts) {
    Map<String, Object> before = reported.get(endpointId);
    TreeMap<String, Object> after = new TreeMap<>(facts);
    InventoryReport report;
    if (before == null) {
      report = InventoryReport.full(endpointId, after, hasher.sha256(after), "connect");
    } else {
      Map<String, Object> set = new TreeMap<>();
      after.forEach((path, value) -> {
        if (!value.equals(before.get(path))) {
          set.put(path, value);
        }
      });
      List<String> removed = before.keySet().stream().filter(p -> !after.containsKey(p)).toList();
      report = InventoryReport.delta(endpointId, hasher.sha256(new TreeMap<>(before)), set, removed,
          hasher.sha256(after), "schedule");
    }
    ReportOutcome outcome = inventory.report(report);
    if (outcome.applied()) {
      reported.put(endpointId, after);
    }
    return outcome;
  }

  void publish(String name, String version) throws Exception {
    ReleaseFiles.publish(catalogue, ReleaseFiles.build(java.nio.file.Files.createDirectories(dir.resolve("releases")),
        publisher, name, version, b -> { }));
  }

  Campaign draft(String release, String version, Targets targets) {
    return campaigns.create(new NewCampaign(release, version, targets, "", Delivery.PUSH, Rollout.BIG_BANG,
        Execution.AUTOMATIC, "admin"));
  }

  static Targets group(String name) {
    return new Targets(false, List.of(name), List.of());
  }

  @Override
  public void close() {
    storage.close();
  }
}
