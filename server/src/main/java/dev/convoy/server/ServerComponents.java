package dev.convoy.server;

import dev.convoy.server.campaign.CampaignEvents;
import dev.convoy.server.campaign.CampaignService;
import dev.convoy.server.campaign.DeploymentService;
import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.endpoint.Presence;
import dev.convoy.server.enrollment.EnrollmentService;
import dev.convoy.server.grpc.AdminGrpcService;
import dev.convoy.server.grpc.AgentGrpcService;
import dev.convoy.server.grpc.AuthInterceptor;
import dev.convoy.server.grpc.EnrollmentGrpcService;
import dev.convoy.server.grpc.SessionHub;
import dev.convoy.server.people.PersonService;
import dev.convoy.server.pki.CaEndpointCertificateIssuer;
import dev.convoy.server.pki.ServerPki;
import dev.convoy.server.storage.file.FileContentStore;
import dev.convoy.server.storage.rocksdb.RocksCampaignStore;
import dev.convoy.server.storage.rocksdb.RocksDeploymentStore;
import dev.convoy.server.storage.rocksdb.RocksEndpointStore;
import dev.convoy.server.storage.rocksdb.RocksPersonStore;
import dev.convoy.server.storage.rocksdb.RocksReleaseStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.server.storage.rocksdb.RocksTokenStore;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * The object graph of a server, built in one place (no DI framework): stores over the storage, domain services
 * over the stores, gRPC services over the domain. {@link ConvoyServer} owns the lifecycle.
 */
record ServerComponents(SessionHub hub, CampaignService campaigns, EnrollmentGrpcService enrollmentGrpc,
    AgentGrpcService agentGrpc, AdminGrpcService adminGrpc, AuthInterceptor auth) {

  static ServerComponents wire(ServerConfig config, ServerPki pki, RocksStorage storage, Clock clock,
      Executor watchExecutor) throws IOException {
    DataDirectory dir = new DataDirectory(config.dataDirectory());
    var endpointStore = new RocksEndpointStore(storage);
    var campaignStore = new RocksCampaignStore(storage);
    var deploymentStore = new RocksDeploymentStore(storage);

    EndpointService endpoints = new EndpointService(endpointStore, storage, new Presence(), clock);
    PersonService people = new PersonService(new RocksPersonStore(storage), storage);
    EnrollmentService enrollment = new EnrollmentService(new RocksTokenStore(storage), endpointStore,
        new CaEndpointCertificateIssuer(pki.ca()), storage, clock);
    CatalogueService catalogue = new CatalogueService(new RocksReleaseStore(storage),
        new FileContentStore(dir.content()), storage, clock, config.chunkSize());
    SessionHub hub = new SessionHub(endpoints);
    CampaignEvents events = new CampaignEvents();
    CampaignService campaigns = new CampaignService(campaignStore, deploymentStore, catalogue, endpointStore,
        storage, clock, events, hub);
    DeploymentService deployments = new DeploymentService(deploymentStore, campaignStore, campaigns, catalogue,
        endpointStore, storage, clock, events, hub);

    return new ServerComponents(hub, campaigns,
        new EnrollmentGrpcService(enrollment),
        new AgentGrpcService(endpoints, deployments, catalogue, hub),
        new AdminGrpcService(enrollment, endpoints, catalogue, campaigns, watchExecutor),
        new AuthInterceptor(endpoints, people, clock));
  }
}
