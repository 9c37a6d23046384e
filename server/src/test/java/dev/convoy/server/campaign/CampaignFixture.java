package dev.convoy.server.campaign;

import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.file.FileContentStore;
import dev.convoy.server.storage.rocksdb.RocksCampaignStore;
import dev.convoy.server.storage.rocksdb.RocksDeploymentStore;
import dev.convoy.server.storage.rocksdb.RocksEndpointStore;
import dev.convoy.server.storage.rocksdb.RocksReleaseStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.server.storage.rocksdb.RocksTimerStore;
import dev.convoy.server.testing.MutableClock;
import dev.convoy.server.testing.ReleaseFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The campaign domain over a real RocksDB in a directory; {@link #reopen()} simulates a restart. */
final class CampaignFixture implements AutoCloseable {
  record Hint(String endpointId, long revision) {}

  final Path dir;
  final MutableClock clock;
  final List<Hint> hints = new CopyOnWriteArrayList<>();
  final List<String> campaignChanges = new CopyOnWriteArrayList<>();
  RocksStorage storage;
  RocksEndpointStore endpoints;
  RocksCampaignStore campaignStore;
  RocksDeploymentStore deploymentStore;
  CatalogueService catalogue;
  final java.util.Map<String, java.time.ZoneId> endpointZones = new java.util.concurrent.ConcurrentHashMap<>();
  final EndpointZones zones = id -> java.util.Optional.ofNullable(endpointZones.get(id));
  final dev.convoy.release.PublisherKeyPair publisher = dev.convoy.release.PublisherKeys.generate();
  dev.convoy.server.storage.rocksdb.RocksInventoryStore inventory;
  CampaignEngine engine;
  CampaignService campaigns;
  CampaignCommands commands;
  CampaignViews views;
  DeploymentService deployments;
  CampaignScheduler scheduler;
  /** The engine's listeners; a new instance after each {@link #reopen()}. */
  CampaignEvents events;

  CampaignFixture(Path dir, MutableClock clock) throws IOException {
    this.dir = dir;
    this.clock = clock;
    open();
  }

  private void open() throws IOException {
    storage = RocksStorage.open(dir.resolve("db"));
    endpoints = new RocksEndpointStore(storage);
    campaignStore = new RocksCampaignStore(storage);
    deploymentStore = new RocksDeploymentStore(storage);
    catalogue = new CatalogueService(new RocksReleaseStore(storage), new FileContentStore(dir.resolve("content")),
        storage, clock, 1024, () -> dev.convoy.release.TrustedKeys.of(List.of(publisher.publicKey())));
    inventory = new dev.convoy.server.storage.rocksdb.RocksInventoryStore(storage);
    events = new CampaignEvents();
    events.subscribe("*", campaignChanges::add); // never fires: proves listeners are per campaign
    engine = new CampaignEngine(new CampaignContext(campaignStore, deploymentStore, new RocksTimerStore(storage),
        catalogue, endpoints, storage, clock, events, (endpoint, revision) -> hints.add(new Hint(endpoint, revision)),
        DynamicGroups.NONE, zones), new dev.convoy.server.inventory.InventoryTargets(inventory));
    campaigns = engine.campaigns();
    commands = engine.commands();
    views = engine.views();
    deployments = engine.deployments();
    scheduler = engine.scheduler();
  }

  /** Closes every handle and opens the same directory again, as a restarted server would. */
  void reopen() throws IOException {
    storage.close();
    open();
  }

  String endpoint(String id, String group) {
    ChangeSet changes = storage.begin();
    endpoints.put(changes, Endpoint.enrolled(id, "host-" + id, group, clock.instant(), "01", clock.instant()));
    storage.commit(changes);
    return id;
  }

  /** Publishes a signed archive release hello@{@code version}. */
  Release release(String version) throws Exception {
    return signedRelease("hello", version, b -> { });
  }

  /** Publishes a signed archive release built by the release module, {@code extra} adding to its manifest. */
  Release signedRelease(String name, String version, java.util.function.Consumer<dev.convoy.release.ReleaseBuilder>
      extra) throws Exception {
    return ReleaseFiles.publish(catalogue, ReleaseFiles.build(java.nio.file.Files.createDirectories(
        dir.resolve("releases")), publisher, name, version, extra));
  }

  /** Records one inventory fact of the endpoint, as an inventory report would. */
  void fact(String endpointId, String path, Object value) {
    ChangeSet changes = storage.begin();
    inventory.putFact(changes, endpointId, path, path, value);
    storage.commit(changes);
  }

  Campaign startedCampaign(Targets targets) {
    Campaign draft = campaigns.create(new NewCampaign("hello", "1.0.0", targets, "", Delivery.PUSH,
        Rollout.BIG_BANG, Execution.AUTOMATIC, "admin"));
    return campaigns.start(draft.id());
  }

  Deployment deploymentOf(String campaignId, String endpointId) {
    return deploymentStore.listByCampaign(campaignId).stream().filter(d -> d.endpointId().equals(endpointId))
        .findFirst().orElseThrow();
  }

  static StatusReport report(Deployment deployment, long sequence, DeploymentState state) {
    return new StatusReport(deployment.id(), deployment.attempt(), sequence, state, "", 0, "", null, 0, 0);
  }

  @Override
  public void close() {
    storage.close();
  }
}
