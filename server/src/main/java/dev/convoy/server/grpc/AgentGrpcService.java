package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.AgentMessage;
import dev.convoy.protocol.v1.InstallOutput;
import dev.convoy.protocol.v1.InstallOutputAck;
import dev.convoy.server.technician.TechnicianService;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.DesiredState;
import dev.convoy.protocol.v1.InventoryAck;
import dev.convoy.protocol.v1.InventoryReport;
import dev.convoy.protocol.v1.ServerHint;
import dev.convoy.protocol.v1.StatusAck;
import dev.convoy.protocol.v1.StatusReport;
import dev.convoy.protocol.v1.SyncRequest;
import dev.convoy.server.campaign.DeploymentService;
import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.common.Require;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.endpoint.Inventory;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.inventory.InventoryService;
import dev.convoy.server.inventory.ReportOutcome;
import dev.convoy.server.publisher.PublisherKeyService;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * {@code convoy.v1.AgentService}: everything an enrolled agent calls. The caller is the endpoint of the client
 * certificate ({@link AuthInterceptor}); a request naming any other endpoint, or a deployment of another endpoint,
 * is refused with PERMISSION_DENIED before anything is written.
 */
public final class AgentGrpcService implements AgentServiceGrpc.AsyncService, io.grpc.BindableService {
  /** The most install output lines one ReportInstallOutput may carry. */
  static final int MAX_OUTPUT_LINES = 500;
  private final EndpointService endpoints;
  private final DeploymentService deployments;
  private final CatalogueService catalogue;
  private final SessionHub hub;
  private final InventoryService inventory;
  private final PublisherKeyService publisherKeys;
  private final TechnicianService technicians;
  private final KnowledgeAgentCalls knowledgeCalls;
  private final StatusReports statusReports;

  /** @param publisherKeys the trusted keys every desired state carries (agents verify signed releases with them) */
  public AgentGrpcService(EndpointService endpoints, DeploymentService deployments, CatalogueService catalogue,
      SessionHub hub, InventoryService inventory, PublisherKeyService publisherKeys, TechnicianService technicians,
      dev.convoy.server.knowledge.DocumentService documents, dev.convoy.server.knowledge.TrainingService training) {
    this.technicians = technicians;
    this.knowledgeCalls = new KnowledgeAgentCalls(documents, training);
    this.publisherKeys = publisherKeys;
    this.inventory = inventory;
    this.endpoints = endpoints;
    this.deployments = deployments;
    this.catalogue = catalogue;
    this.hub = hub;
    this.statusReports = new StatusReports(deployments);
  }

  /**
   * From now on, agents may send status reports on their Session stream (agent.proto, "Stream reports"); they are
   * applied on {@code executor} (the call executor: a report blocks its thread until durable, as a ReportStatus
   * handler does) by the same code as ReportStatus.
   */
  public void acceptSessionReports(java.util.concurrent.Executor executor) {
    hub.acceptReports(new SessionReports(statusReports::apply, executor));
  }

  @Override
  public StreamObserver<AgentMessage> session(StreamObserver<ServerHint> observer) {
    return hub.open(Principal.currentEndpointId(), Principal.current().validUntil(),
        (ServerCallStreamObserver<ServerHint>) observer);
  }

  @Override
  public void sync(SyncRequest request, StreamObserver<DesiredState> observer) {
    GrpcCalls.unary(observer, () -> {
      String caller = requireCaller("endpoint_id", request.getEndpointId());
      endpoints.heardFrom(caller);
      // The trusted keys travel with every answer rather than bumping every endpoint's revision when they change
      // (which would cost one write per endpoint): an agent needs them only to verify a deployment, and a new
      // deployment always comes with a new revision, hence a Sync that carries the keys of that moment.
      var desired = CampaignProtoMapper.desiredState(deployments.desiredState(caller)).toBuilder()
          .addAllTrustedPublisherKeys(publisherKeys.list().stream().map(ProtoMapper::publisherKey).toList());
      for (var spec : desired.getDeploymentsBuilderList()) {
        if (spec.getExecution() == dev.convoy.protocol.v1.Execution.TECHNICIAN) {
          technicians.visit(spec.getDeploymentId())
              .ifPresent(v -> spec.setTechnicianVisit(TechnicianProtoMapper.visit(v)));
        }
      }
      return desired.build();
    });
  }

  @Override
  public void reportStatus(StatusReport request, StreamObserver<StatusAck> observer) {
    GrpcCalls.unary(observer,
        () -> statusReports.apply(requireCaller("endpoint_id", request.getEndpointId()), request));
  }

  /**
   * Applies a full or delta report (docs/inventory.md "Reports"), then updates the endpoint record from its facts
   * ({@code host.name}, {@code os.name} ...; the deprecated summary fields fill what the facts lack). A report with
   * only the deprecated summary fields (an older agent) updates the endpoint record alone.
   */
  @Override
  public void reportInventory(InventoryReport request, StreamObserver<InventoryAck> observer) {
    GrpcCalls.unary(observer, () -> {
      String caller = requireCaller("endpoint_id", request.getEndpointId());
      InventoryProtoMapper.requireSize(request, inventory.config().maxReportBytes());
      Inventory summary = ProtoMapper.inventory(request);
      if (request.getBodyCase() == InventoryReport.BodyCase.BODY_NOT_SET) {
        endpoints.recordInventory(caller, summary);
        return InventoryAck.getDefaultInstance();
      }
      // the inventory and the endpoint record's summary are one synced batch, acknowledged after it
      ReportOutcome outcome = inventory.report(InventoryProtoMapper.report(request),
          (changes, facts) -> endpoints.recordInventory(caller, facts.over(summary), changes));
      if (!outcome.applied()) {
        endpoints.heardFrom(caller);
      }
      return InventoryAck.newBuilder().setFullReportRequired(outcome.fullReportRequired())
          .setServerSha256(outcome.serverSha256()).setServerDigest(outcome.serverDigest()).build();
    });
  }

  /** The generated binding, with Download's responses sent by {@link DownloadMethod} straight from the file. */
  @Override
  public io.grpc.ServerServiceDefinition bindService() {
    return DownloadMethod.rebind(AgentServiceGrpc.bindService(this),
        (request, out) -> DownloadCall.start(request, deployments, catalogue, out));
  }

  // Technician-assisted installs (issue 5)
  @Override
  public void reportInstallOutput(InstallOutput request, StreamObserver<InstallOutputAck> observer) {
    GrpcCalls.unary(observer, () -> {
      String caller = requireCaller("endpoint_id", request.getEndpointId());
      if (request.getLinesCount() > MAX_OUTPUT_LINES || request.getFirstSequence() < 1) {
        throw ConvoyException.invalidArgument("lines: " + request.getLinesCount() + ", first_sequence: "
            + request.getFirstSequence() + " (expected: at most " + MAX_OUTPUT_LINES + " lines from sequence >= 1)");
      }
      String jobId = TechnicianAdminCalls.jobId(request.getDeploymentId());
      return InstallOutputAck.newBuilder().setKept(technicians.output(caller, jobId, request.getAttempt(),
          request.getFirstSequence(), request.getLinesList())).build();
    });
  }

  // Documents, knowledge base, training (issue 5)
  @Override
  public void getSignedDocument(dev.convoy.protocol.v1.AgentDocumentRequest request,
      StreamObserver<dev.convoy.protocol.v1.SignedDocument> observer) {
    GrpcCalls.unary(observer, () -> knowledgeCalls.document(request));
  }

  @Override
  public void reportTrainingAttestation(dev.convoy.protocol.v1.TrainingAttestation request,
      StreamObserver<dev.convoy.protocol.v1.TrainingAttestationAck> observer) {
    GrpcCalls.unary(observer, () -> knowledgeCalls.attest(request));
  }

  /**
   * The caller's endpoint id, after checking that the request names it.
   *
   * @throws ConvoyException INVALID_ARGUMENT if {@code requested} is empty, PERMISSION_DENIED if it is another's
   */
  static String requireCaller(String field, String requested) {
    return requireCaller(Principal.currentEndpointId(), field, requested);
  }

  /**
   * {@code caller} (the authenticated endpoint, e.g. of a Session stream), after checking that the request names it.
   *
   * @throws ConvoyException INVALID_ARGUMENT if {@code requested} is empty, PERMISSION_DENIED if it is another's
   */
  static String requireCaller(String caller, String field, String requested) {
    if (requested.isEmpty()) {
      throw ConvoyException.invalidArgument(field + ": empty (expected: the caller's endpoint id " + caller + ")");
    }
    if (!requested.equals(caller)) {
      throw ConvoyException.permissionDenied(
          field + ": " + Require.shown(requested) + " is not the caller (" + caller + ")");
    }
    return caller;
  }
}
