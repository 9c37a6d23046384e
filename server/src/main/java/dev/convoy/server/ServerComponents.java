package dev.convoy.server;

import dev.convoy.server.campaign.CampaignEvents;
import dev.convoy.server.compliance.ComplianceService;
import dev.convoy.server.campaign.CampaignContext;
import dev.convoy.server.campaign.CampaignEngine;
import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.endpoint.Presence;
import dev.convoy.server.enrollment.EnrollmentService;
import dev.convoy.server.governance.GovernanceService;
import dev.convoy.server.grpc.AdminGrpcService;
import dev.convoy.server.storage.rocksdb.RocksGovernanceStore;
import dev.convoy.server.grpc.AgentGrpcService;
import dev.convoy.server.audit.AuditLog;
import dev.convoy.server.grpc.AuditInterceptor;
import dev.convoy.server.grpc.AuthInterceptor;
import dev.convoy.server.grpc.StreamGuard;
import dev.convoy.server.storage.rocksdb.RocksAuditStore;
import dev.convoy.server.grpc.CanonicalInventoryHasher;
import dev.convoy.server.grpc.EnrollmentGrpcService;
import dev.convoy.server.grpc.SessionHub;
import dev.convoy.server.group.CampaignPickup;
import dev.convoy.server.group.GroupService;
import dev.convoy.server.inventory.InventoryService;
import dev.convoy.server.people.IdentityService;
import dev.convoy.server.people.PersonService;
import dev.convoy.server.pki.CaPersonCertificateIssuer;
import dev.convoy.server.pki.CaEndpointCertificateIssuer;
import dev.convoy.server.publisher.PublisherKeyService;
import dev.convoy.server.pki.ServerPki;
import dev.convoy.server.storage.file.FileContentStore;
import dev.convoy.server.storage.rocksdb.RocksCampaignStore;
import dev.convoy.server.storage.rocksdb.RocksDeploymentStore;
import dev.convoy.server.storage.rocksdb.RocksTimerStore;
import dev.convoy.server.inventory.InventoryTargets;
import dev.convoy.server.inventory.InventoryZones;
import dev.convoy.server.storage.rocksdb.RocksEndpointStore;
import dev.convoy.server.storage.rocksdb.RocksGroupStore;
import dev.convoy.server.storage.rocksdb.RocksInventoryStore;
import dev.convoy.server.storage.rocksdb.RocksPersonStore;
import dev.convoy.server.storage.rocksdb.RocksPublisherKeyStore;
import dev.convoy.server.storage.rocksdb.RocksReleaseStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.server.storage.rocksdb.RocksTokenStore;
import dev.convoy.server.notify.Audience;
import dev.convoy.server.notify.GovernanceNotifier;
import dev.convoy.server.notify.RaciAudience;
import dev.convoy.server.governance.CampaignGovernance;
import dev.convoy.server.notify.CampaignNotifier;
import dev.convoy.server.notify.Notifications;
import dev.convoy.server.notify.NotifyConfig;
import dev.convoy.server.notify.NotifyConfigLoader;
import dev.convoy.server.notify.OutboxDispatcher;
import dev.convoy.server.storage.rocksdb.RocksOutboxStore;
import dev.convoy.server.technician.CatalogueRunbooks;
import dev.convoy.server.technician.EndpointDirectory;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * The object graph of a server, built in one place (no DI framework): stores over the storage, domain services
 * over the stores, gRPC services over the domain. {@link ConvoyServer} owns the lifecycle.
 */
record ServerComponents(SessionHub hub, CampaignEngine campaigns, EnrollmentGrpcService enrollmentGrpc,
    AgentGrpcService agentGrpc, AdminGrpcService adminGrpc, AuthInterceptor auth, AuditInterceptor audit,
    StreamGuard guard, OutboxDispatcher outbox) {

  static ServerComponents wire(ServerConfig config, ServerPki pki, RocksStorage storage, Clock clock,
      Executor watchExecutor) throws IOException {
    DataDirectory dir = new DataDirectory(config.dataDirectory());
    var endpointStore = new RocksEndpointStore(storage);
    var campaignStore = new RocksCampaignStore(storage);
    var deploymentStore = new RocksDeploymentStore(storage);
    var tokenStore = new RocksTokenStore(storage);
    var inventoryStore = new RocksInventoryStore(storage);

    EndpointService endpoints = new EndpointService(endpointStore, storage, new Presence(), clock);
    AuditLog audit = new AuditLog(new RocksAuditStore(storage), storage, clock);
    PersonService people = new PersonService(new RocksPersonStore(storage), audit, clock);
    SessionHub hub = new SessionHub(endpoints);
    StreamGuard guard = new StreamGuard(hub, clock);
    InventoryService inventory = new InventoryService(inventoryStore, storage, clock, new CanonicalInventoryHasher(),
        config.inventory(), endpointStore, hub);
    GroupService groups = new GroupService(new RocksGroupStore(storage), tokenStore, endpoints, inventory, storage,
        clock);
    EnrollmentService enrollment = new EnrollmentService(tokenStore, endpointStore,
        new CaEndpointCertificateIssuer(pki.ca()), storage, clock, groups::isDynamic);
    PublisherKeyService publisherKeys = new PublisherKeyService(new RocksPublisherKeyStore(storage), storage, clock);
    CatalogueService catalogue = new CatalogueService(new RocksReleaseStore(storage),
        new FileContentStore(dir.content()), storage, clock, config.chunkSize(), publisherKeys::trusted);
    CampaignEvents events = new CampaignEvents();
    events.auditTo(audit::appendAll); // notices delivered are in the audit log, in the batch that records them
    NotifyConfig notifyConfig = NotifyConfigLoader.load(dir.properties());
    var outboxStore = new RocksOutboxStore(storage);
    var governanceStore = new RocksGovernanceStore(storage);
    // E-mail goes to the addresses of the configuration and to the persons each campaign's RACI names.
    RaciAudience raciAudience = new RaciAudience(
        id -> governanceStore.campaign(id).flatMap(CampaignGovernance::raciIfSet), people::find);
    Notifications notifications = new Notifications(outboxStore, storage, notifyConfig,
        Audience.fixed(notifyConfig.mailTo()).and(raciAudience), clock);
    events.observeTransitions(new CampaignNotifier(notifications, clock));
    OutboxDispatcher outbox = new OutboxDispatcher(outboxStore, storage,
        OutboxDispatcher.channels(notifyConfig, clock), notifyConfig, clock, new java.security.SecureRandom());
    GovernanceService governance = new GovernanceService(governanceStore, campaignStore,
        catalogue, people, audit, clock, config.governance(), new GovernanceNotifier(notifications, raciAudience, clock));
    governance.announceSettings();
    CampaignEngine campaigns = new CampaignEngine(new CampaignContext(campaignStore, deploymentStore,
        new RocksTimerStore(storage), catalogue, endpointStore, storage, clock, events, hub, groups,
        new InventoryZones(inventoryStore), governance.gate()), new InventoryTargets(inventoryStore));
    inventory.addListener(new CampaignPickup(groups, campaigns.campaigns()));
    ComplianceService compliance = new ComplianceService(inventoryStore, campaignStore, endpointStore);
    TechnicianWiring technicians = TechnicianWiring.wire(storage, clock, deploymentStore, campaigns, audit,
        new EndpointDirectory(endpoints, groups, inventory, new InventoryTargets(inventoryStore)),
        new CatalogueRunbooks(catalogue, publisherKeys::trusted));
    var heads = new dev.convoy.server.knowledge.ReleaseHeads(catalogue);
    var documents = new dev.convoy.server.knowledge.DocumentService(catalogue, heads);
    var kbIndex = new dev.convoy.server.knowledge.KnowledgeIndex(catalogue, heads);
    catalogue.addPublishListener(kbIndex::add);
    var training = new dev.convoy.server.knowledge.TrainingService(
        new dev.convoy.server.storage.rocksdb.RocksAttestationStore(storage), documents, catalogue, campaignStore,
        deploymentStore, groups, storage, clock);

    return new ServerComponents(hub, campaigns,
        new EnrollmentGrpcService(enrollment),
        new AgentGrpcService(endpoints, campaigns.deployments(), catalogue, hub, inventory, publisherKeys,
            technicians.service(), documents, training),
        new AdminGrpcService(enrollment, endpoints, catalogue, campaigns, inventory, groups, compliance,
            publisherKeys, watchExecutor, audit, people, guard, notifications,
            new IdentityService(people, new CaPersonCertificateIssuer(pki.ca()), groups::exists), technicians.calls(),
            documents, new dev.convoy.server.knowledge.KnowledgeBase(kbIndex), training, governance),
        new AuthInterceptor(endpoints, people, clock), new AuditInterceptor(audit), guard, outbox);
  }
}
