package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.AddPublisherKeyRequest;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.IssueIdentityRequest;
import dev.convoy.protocol.v1.IssueIdentityResponse;
import dev.convoy.protocol.v1.ListIdentitiesRequest;
import dev.convoy.protocol.v1.ListIdentitiesResponse;
import dev.convoy.protocol.v1.PersonInfo;
import dev.convoy.protocol.v1.SetIdentityRequest;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignCommandRequest;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.GetCampaignReportRequest;
import dev.convoy.protocol.v1.RollbackWaveRequest;
import dev.convoy.protocol.v1.ComplianceReport;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.CreateGroupRequest;
import dev.convoy.protocol.v1.EndpointInventory;
import dev.convoy.protocol.v1.GetComplianceRequest;
import dev.convoy.protocol.v1.GetGroupRequest;
import dev.convoy.protocol.v1.GetInventoryHistoryRequest;
import dev.convoy.protocol.v1.GetInventoryRequest;
import dev.convoy.protocol.v1.Group;
import dev.convoy.protocol.v1.GroupMembers;
import dev.convoy.protocol.v1.InventoryHistory;
import dev.convoy.protocol.v1.ListGroupsRequest;
import dev.convoy.protocol.v1.ListGroupsResponse;
import dev.convoy.protocol.v1.QueryInventoryRequest;
import dev.convoy.protocol.v1.QueryInventoryResponse;
import dev.convoy.protocol.v1.RefreshInventoryRequest;
import dev.convoy.protocol.v1.RefreshInventoryResponse;
import dev.convoy.protocol.v1.CreateEnrollmentTokenRequest;
import dev.convoy.protocol.v1.CreateEnrollmentTokenResponse;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.ListCampaignsRequest;
import dev.convoy.protocol.v1.ListCampaignsResponse;
import dev.convoy.protocol.v1.ListEndpointsRequest;
import dev.convoy.protocol.v1.ListEndpointsResponse;
import dev.convoy.protocol.v1.ListReleasesRequest;
import dev.convoy.protocol.v1.ListReleasesResponse;
import dev.convoy.protocol.v1.ListPublisherKeysRequest;
import dev.convoy.protocol.v1.ListPublisherKeysResponse;
import dev.convoy.protocol.v1.PublishReleaseRequest;
import dev.convoy.protocol.v1.PublisherKey;
import dev.convoy.protocol.v1.RemovePublisherKeyRequest;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.protocol.v1.WhoAmIRequest;
import dev.convoy.protocol.v1.WhoAmIResponse;
import dev.convoy.protocol.v1.ListAuditEntriesRequest;
import dev.convoy.protocol.v1.ListAuditEntriesResponse;
import dev.convoy.protocol.v1.RevocationResponse;
import dev.convoy.protocol.v1.RevokeEndpointRequest;
import dev.convoy.protocol.v1.RevokePersonRequest;
import dev.convoy.protocol.v1.VerifyAuditRequest;
import dev.convoy.protocol.v1.VerifyAuditResponse;
import dev.convoy.protocol.v1.ListNotificationsRequest;
import dev.convoy.protocol.v1.ListNotificationsResponse;
import dev.convoy.protocol.v1.OutboxNotification;
import dev.convoy.protocol.v1.RetryNotificationRequest;
import dev.convoy.server.notify.Notifications;
import dev.convoy.protocol.v1.ClaimTechnicianJobRequest;
import dev.convoy.protocol.v1.FinishTechnicianJobRequest;
import dev.convoy.protocol.v1.ListTechnicianJobsRequest;
import dev.convoy.protocol.v1.ListTechnicianJobsResponse;
import dev.convoy.protocol.v1.RollbackTechnicianJobRequest;
import dev.convoy.protocol.v1.StartTechnicianJobRequest;
import dev.convoy.protocol.v1.StepTechnicianJobRequest;
import dev.convoy.protocol.v1.TechnicianJob;
import dev.convoy.protocol.v1.TechnicianJobRequest;
import dev.convoy.protocol.v1.TechnicianLogLine;
import dev.convoy.protocol.v1.TechnicianLogRequest;
import dev.convoy.server.audit.AuditLog;
import dev.convoy.server.people.IdentityService;
import dev.convoy.protocol.v1.AcknowledgeCampaignRequest;
import dev.convoy.protocol.v1.ApproveCampaignRequest;
import dev.convoy.protocol.v1.CampaignGovernance;
import dev.convoy.protocol.v1.GetCampaignGovernanceRequest;
import dev.convoy.protocol.v1.GetRaciRequest;
import dev.convoy.protocol.v1.GetReleaseReadinessRequest;
import dev.convoy.protocol.v1.OverrideNoticeRequest;
import dev.convoy.protocol.v1.RaciResponse;
import dev.convoy.protocol.v1.ReleaseReadiness;
import dev.convoy.protocol.v1.SetRaciRequest;
import dev.convoy.protocol.v1.UpdateCampaignRequest;
import dev.convoy.protocol.v1.WaiveReadinessRequest;
import dev.convoy.server.governance.GovernanceService;
import dev.convoy.server.people.PersonService;
import dev.convoy.server.campaign.CampaignEngine;
import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.catalogue.ReleaseHeader;
import dev.convoy.server.common.Require;
import dev.convoy.server.compliance.ComplianceService;
import dev.convoy.server.campaign.StatusReport;
import dev.convoy.server.endpoint.EndpointNames;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.enrollment.EnrollmentService;
import dev.convoy.server.group.GroupService;
import dev.convoy.server.inventory.InventoryService;
import dev.convoy.server.people.Permission;
import dev.convoy.server.people.Role;
import dev.convoy.server.publisher.PublisherKeyService;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * {@code convoy.v1.AdminService}: for persons. The {@link AuthInterceptor} checks the permission each method needs
 * ({@link MethodPermissions}); each call then applies the caller's scope to what it names through the one
 * {@link ScopeCheck} (docs/roles.md says, per RPC, whether it filters or refuses).
 */
public final class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {
  private static final Pattern CAMPAIGN_ID = Pattern.compile("cmp-[0-9a-f]{16}");
  private final EnrollmentService enrollment;
  private final EndpointService endpoints;
  private final CatalogueService catalogue;
  private final CampaignEngine campaigns;
  private final Executor watchExecutor;
  private final PublisherKeyService publisherKeys;
  private final InventoryAdminCalls inventoryCalls;
  private final GovernanceAdminCalls governanceCalls;
  private final GovernanceRaciCalls raciCalls;
  private final StreamGuard guard;
  private final NotifyAdminCalls notifyCalls;
  private final ScopeCheck scope;
  private final IdentityAdminCalls identityCalls;
  private final TechnicianAdminCalls technicianCalls;
  private final KnowledgeAdminCalls knowledgeCalls;

  /**
   * @param watchExecutor computes and sends WatchCampaign updates, off the threads that change campaigns
   * @param guard tracks WatchCampaign streams and ends those of revoked or expired callers
   * @param notifications the notification outbox (issue 7)
   * @param technicianCalls the technician-assisted install calls (issue 5)
   */
  public AdminGrpcService(EnrollmentService enrollment, EndpointService endpoints, CatalogueService catalogue,
      CampaignEngine campaigns, InventoryService inventory, GroupService groups, ComplianceService compliance,
      PublisherKeyService publisherKeys, Executor watchExecutor, AuditLog audit, PersonService people,
      StreamGuard guard, Notifications notifications, IdentityService identities,
      TechnicianAdminCalls technicianCalls, dev.convoy.server.knowledge.DocumentService documents,
      dev.convoy.server.knowledge.KnowledgeBase kb, dev.convoy.server.knowledge.TrainingService training,
      GovernanceService governance) {
    this.technicianCalls = technicianCalls;
    this.knowledgeCalls = new KnowledgeAdminCalls(documents, kb, training);
    this.raciCalls = new GovernanceRaciCalls(governance, campaigns);
    this.publisherKeys = publisherKeys;
    this.notifyCalls = new NotifyAdminCalls(notifications);
    this.guard = guard;
    this.scope = new ScopeCheck(endpoints, groups, id -> campaigns.campaigns().require(id));
    this.governanceCalls = new GovernanceAdminCalls(audit, endpoints, people, guard, scope);
    this.inventoryCalls = new InventoryAdminCalls(inventory, groups, compliance, endpoints, scope);
    this.identityCalls = new IdentityAdminCalls(identities, people);
    this.enrollment = enrollment;
    this.endpoints = endpoints;
    this.catalogue = catalogue;
    this.campaigns = campaigns;
    this.watchExecutor = watchExecutor;
  }

  /** Ends every open WatchCampaign stream with UNAVAILABLE (server shutting down). */
  public void closeWatches() {
    guard.closeWatches();
  }

  @Override
  public void whoAmI(WhoAmIRequest request, StreamObserver<WhoAmIResponse> observer) {
    GrpcCalls.unary(observer, () -> {
      Principal caller = Principal.current();
      return WhoAmIResponse.newBuilder().setSubject(caller.subject()).setName(caller.name())
          .addAllRoles(caller.roles().stream().map(Role::label).sorted().toList())
          .addAllScopes(caller.scopes().stream().sorted().toList())
          .addAllPermissions(caller.roles().stream().flatMap(r -> r.permissions().stream())
              .map(Permission::label).distinct().sorted().toList())
          .build();
    });
  }

  @Override
  public void createEnrollmentToken(CreateEnrollmentTokenRequest request,
      StreamObserver<CreateEnrollmentTokenResponse> observer) {
    GrpcCalls.unary(observer, () -> {
      scope.requireGroup("group", request.getGroup());
      return ProtoMapper.token(enrollment.createToken(request.getGroup(), request.getUses(),
          request.getTtlSeconds(), Principal.current().subject()));
    });
  }

  @Override
  public void listEndpoints(ListEndpointsRequest request, StreamObserver<ListEndpointsResponse> observer) {
    GrpcCalls.unary(observer, () -> {
      var visible = scope.endpointFilter();
      return ListEndpointsResponse.newBuilder().addAllEndpoints(endpoints.list().stream()
          .filter(view -> visible.test(view.endpoint().id())).map(ProtoMapper::endpoint).toList()).build();
    });
  }

  @Override
  public StreamObserver<PublishReleaseRequest> publishRelease(StreamObserver<Release> observer) {
    return new PublishReleaseCall(catalogue, Principal.current().subject(), observer);
  }

  @Override
  public void listReleases(ListReleasesRequest request, StreamObserver<ListReleasesResponse> observer) {
    GrpcCalls.unary(observer, () -> {
      if (!request.getName().isEmpty()) {
        Require.matches("name", request.getName(), ReleaseHeader.NAME, "[a-z0-9][a-z0-9+._-]{0,63}");
      }
      return ListReleasesResponse.newBuilder()
          .addAllReleases(catalogue.list(request.getName()).stream().map(ProtoMapper::releaseSummary).toList())
          .build();
    });
  }

  @Override
  public void createCampaign(CreateCampaignRequest request, StreamObserver<Campaign> observer) {
    GrpcCalls.unary(observer, () -> {
      scope.requireTargets(request.getTargets().getAll(), request.getTargets().getGroupsList(),
          request.getTargets().getEndpointIdsList());
      var campaign = CampaignProtoMapper.newCampaign(request, Principal.current().subject());
      if (campaign.action() == dev.convoy.server.campaign.DeploymentAction.INSTALL) {
        // An unsigned release an older server stored is never offered for installing (an uninstall may remove it).
        catalogue.requireInstallable(campaign.releaseName(), campaign.releaseVersion());
      }
      return campaign(campaigns.campaigns().create(campaign, request.getPilot()));
    });
  }

  @Override
  public void startCampaign(StartCampaignRequest request, StreamObserver<Campaign> observer) {
    GrpcCalls.unary(observer, () -> campaign(campaigns.campaigns().start(scopedCampaign(request.getCampaignId()))));
  }

  @Override
  public void listCampaigns(ListCampaignsRequest request, StreamObserver<ListCampaignsResponse> observer) {
    GrpcCalls.unary(observer, () -> {
      var visible = scope.campaignFilter();
      return ListCampaignsResponse.newBuilder().addAllCampaigns(campaigns.campaigns().list().stream()
          .filter(visible).map(this::campaign).toList()).build();
    });
  }

  @Override
  public void getCampaignStatus(GetCampaignStatusRequest request, StreamObserver<CampaignStatus> observer) {
    GrpcCalls.unary(observer, () -> {
      String campaignId = scopedCampaign(request.getCampaignId());
      if (request.getEndpointId().isEmpty()) {
        var status = campaigns.views().status(campaignId);
        var mapped = CampaignProtoMapper.status(status, release(status.campaign()));
        return mapped.toBuilder().setCampaign(raciCalls.decorate(mapped.getCampaign(), status.campaign())).build();
      }
      var status = campaigns.views().status(campaignId, EndpointNames.requireEndpointId("endpoint_id",
          request.getEndpointId()));
      return CampaignProtoMapper.status(status, release(status.campaign()), StatusReport.MAX_LOG_EXCERPT);
    });
  }

  @Override
  public void watchCampaign(GetCampaignStatusRequest request, StreamObserver<CampaignStatus> observer) {
    var out = (ServerCallStreamObserver<CampaignStatus>) observer;
    try {
      scopedCampaign(request.getCampaignId());
    } catch (RuntimeException e) {
      GrpcCalls.fail(out, e);
      return;
    }
    CampaignWatch.start(request.getCampaignId(), Principal.current(), campaigns, catalogue, out, watchExecutor,
        guard.watches());
  }

  @Override
  public void pauseCampaign(CampaignCommandRequest request, StreamObserver<Campaign> observer) {
    GrpcCalls.unary(observer, () -> campaign(campaigns.commands().pause(scopedCampaign(request.getCampaignId()),
        Principal.current().subject(), request.getComment())));
  }

  @Override
  public void resumeCampaign(CampaignCommandRequest request, StreamObserver<Campaign> observer) {
    GrpcCalls.unary(observer, () -> campaign(campaigns.commands().resume(scopedCampaign(request.getCampaignId()),
        Principal.current().subject(), request.getComment())));
  }

  @Override
  public void abortCampaign(CampaignCommandRequest request, StreamObserver<Campaign> observer) {
    GrpcCalls.unary(observer, () -> campaign(campaigns.commands().abort(scopedCampaign(request.getCampaignId()),
        Principal.current().subject(), request.getComment())));
  }

  @Override
  public void cancelCampaign(CampaignCommandRequest request, StreamObserver<Campaign> observer) {
    GrpcCalls.unary(observer, () -> campaign(campaigns.commands().cancel(scopedCampaign(request.getCampaignId()),
        Principal.current().subject(), request.getComment())));
  }

  @Override
  public void advanceCampaign(CampaignCommandRequest request, StreamObserver<Campaign> observer) {
    GrpcCalls.unary(observer, () -> {
      String campaignId = scopedCampaign(request.getCampaignId());
      raciCalls.requireMayAdvance(campaignId, Principal.current());
      return campaign(campaigns.commands().advance(campaignId, Principal.current().subject(), request.getComment()));
    });
  }

  @Override
  public void rollbackWave(RollbackWaveRequest request, StreamObserver<Campaign> observer) {
    GrpcCalls.unary(observer, () -> campaign(campaigns.commands().rollbackWave(
        scopedCampaign(request.getCampaignId()), request.getWave(), request.getToVersion(),
        Principal.current().subject())));
  }

  @Override
  public void getCampaignReport(GetCampaignReportRequest request,
      StreamObserver<dev.convoy.protocol.v1.CampaignReport> observer) {
    GrpcCalls.unary(observer, () -> {
      var report = campaigns.views().report(scopedCampaign(request.getCampaignId()));
      return CampaignProtoMapper.report(report, release(report.campaign()));
    });
  }

  @Override
  public void queryInventory(QueryInventoryRequest request, StreamObserver<QueryInventoryResponse> observer) {
    GrpcCalls.unary(observer, () -> inventoryCalls.query(request));
  }

  @Override
  public void getInventory(GetInventoryRequest request, StreamObserver<EndpointInventory> observer) {
    GrpcCalls.unary(observer, () -> inventoryCalls.get(request));
  }

  @Override
  public void getInventoryHistory(GetInventoryHistoryRequest request, StreamObserver<InventoryHistory> observer) {
    GrpcCalls.unary(observer, () -> inventoryCalls.history(request));
  }

  @Override
  public void refreshInventory(RefreshInventoryRequest request, StreamObserver<RefreshInventoryResponse> observer) {
    GrpcCalls.unary(observer, () -> inventoryCalls.refresh(request));
  }

  @Override
  public void createGroup(CreateGroupRequest request, StreamObserver<Group> observer) {
    GrpcCalls.unary(observer, () -> inventoryCalls.createGroup(request, Principal.current().subject()));
  }

  @Override
  public void listGroups(ListGroupsRequest request, StreamObserver<ListGroupsResponse> observer) {
    GrpcCalls.unary(observer, inventoryCalls::listGroups);
  }

  @Override
  public void getGroup(GetGroupRequest request, StreamObserver<GroupMembers> observer) {
    GrpcCalls.unary(observer, () -> inventoryCalls.getGroup(request));
  }

  @Override
  public void getCompliance(GetComplianceRequest request, StreamObserver<ComplianceReport> observer) {
    GrpcCalls.unary(observer, () -> inventoryCalls.compliance(request));
  }

  @Override
  public void addPublisherKey(AddPublisherKeyRequest request, StreamObserver<PublisherKey> observer) {
    GrpcCalls.unary(observer, () -> ProtoMapper.publisherKey(publisherKeys.add(request.getName(),
        request.getPublicKeyPem(), Principal.current().subject())));
  }

  @Override
  public void listPublisherKeys(ListPublisherKeysRequest request,
      StreamObserver<ListPublisherKeysResponse> observer) {
    GrpcCalls.unary(observer, () -> ListPublisherKeysResponse.newBuilder()
        .addAllKeys(publisherKeys.list().stream().map(ProtoMapper::publisherKey).toList()).build());
  }

  @Override
  public void removePublisherKey(RemovePublisherKeyRequest request, StreamObserver<PublisherKey> observer) {
    GrpcCalls.unary(observer, () -> ProtoMapper.publisherKey(publisherKeys.remove(request.getKeyId(),
        Principal.current().subject())));
  }

  @Override
  public void listAuditEntries(ListAuditEntriesRequest request, StreamObserver<ListAuditEntriesResponse> observer) {
    GrpcCalls.unary(observer, () -> governanceCalls.list(request));
  }

  @Override
  public void verifyAudit(VerifyAuditRequest request, StreamObserver<VerifyAuditResponse> observer) {
    GrpcCalls.unary(observer, governanceCalls::verify);
  }

  @Override
  public void revokeEndpoint(RevokeEndpointRequest request, StreamObserver<RevocationResponse> observer) {
    GrpcCalls.unary(observer, () -> governanceCalls.revokeEndpoint(request));
  }

  @Override
  public void revokePerson(RevokePersonRequest request, StreamObserver<RevocationResponse> observer) {
    GrpcCalls.unary(observer, () -> governanceCalls.revokePerson(request));
  }

  // Notifications (issue 7)

  @Override
  public void listNotifications(ListNotificationsRequest request,
      StreamObserver<ListNotificationsResponse> observer) {
    GrpcCalls.unary(observer, () -> {
      // The outbox spans every campaign: a person limited to some sites reads their campaigns' status instead.
      scope.requireUnscoped("the notification outbox");
      return notifyCalls.list(request);
    });
  }

  @Override
  public void retryNotification(RetryNotificationRequest request, StreamObserver<OutboxNotification> observer) {
    GrpcCalls.unary(observer, () -> {
      scope.requireUnscoped("the notification outbox");
      return notifyCalls.retry(request);
    });
  }

  // Identities and roles (issue 7)

  @Override
  public void issueIdentity(IssueIdentityRequest request, StreamObserver<IssueIdentityResponse> observer) {
    GrpcCalls.unary(observer, () -> identityCalls.issue(request));
  }

  @Override
  public void listIdentities(ListIdentitiesRequest request, StreamObserver<ListIdentitiesResponse> observer) {
    GrpcCalls.unary(observer, identityCalls::list);
  }

  @Override
  public void setIdentity(SetIdentityRequest request, StreamObserver<PersonInfo> observer) {
    GrpcCalls.unary(observer, () -> identityCalls.set(request));
  }

  /** The campaign id, once it is well-formed and the campaign lies in the caller's scope. */
  private String scopedCampaign(String value) {
    return scope.requireCampaign(campaignId(value)).id();
  }

  // Technician-assisted installs (issue 5)

  @Override
  public void listTechnicianJobs(ListTechnicianJobsRequest request,
      StreamObserver<ListTechnicianJobsResponse> observer) {
    GrpcCalls.unary(observer, () -> technicianCalls.list(request));
  }

  @Override
  public void getTechnicianJob(TechnicianJobRequest request, StreamObserver<TechnicianJob> observer) {
    GrpcCalls.unary(observer, () -> technicianCalls.get(request));
  }

  @Override
  public void claimTechnicianJob(ClaimTechnicianJobRequest request, StreamObserver<TechnicianJob> observer) {
    GrpcCalls.unary(observer, () -> technicianCalls.claim(request));
  }

  @Override
  public void releaseTechnicianJob(TechnicianJobRequest request, StreamObserver<TechnicianJob> observer) {
    GrpcCalls.unary(observer, () -> technicianCalls.release(request));
  }

  @Override
  public void startTechnicianJob(StartTechnicianJobRequest request, StreamObserver<TechnicianJob> observer) {
    GrpcCalls.unary(observer, () -> technicianCalls.start(request));
  }

  @Override
  public void stepTechnicianJob(StepTechnicianJobRequest request, StreamObserver<TechnicianJob> observer) {
    GrpcCalls.unary(observer, () -> technicianCalls.step(request));
  }

  @Override
  public void finishTechnicianJob(FinishTechnicianJobRequest request, StreamObserver<TechnicianJob> observer) {
    GrpcCalls.unary(observer, () -> technicianCalls.finish(request));
  }

  @Override
  public void rollbackTechnicianJob(RollbackTechnicianJobRequest request, StreamObserver<TechnicianJob> observer) {
    GrpcCalls.unary(observer, () -> technicianCalls.rollback(request));
  }

  @Override
  public void followTechnicianLog(TechnicianLogRequest request, StreamObserver<TechnicianLogLine> observer) {
    technicianCalls.follow(request, (ServerCallStreamObserver<TechnicianLogLine>) observer);
  }

  // Documents, knowledge base, training (issue 5)
  @Override
  public void listReleaseDocuments(dev.convoy.protocol.v1.ListReleaseDocumentsRequest request,
      StreamObserver<dev.convoy.protocol.v1.ListReleaseDocumentsResponse> observer) {
    GrpcCalls.unary(observer, () -> knowledgeCalls.list(request));
  }

  @Override
  public void getReleaseDocument(dev.convoy.protocol.v1.GetReleaseDocumentRequest request,
      StreamObserver<dev.convoy.protocol.v1.ReleaseDocumentContent> observer) {
    GrpcCalls.unary(observer, () -> knowledgeCalls.get(request));
  }

  @Override
  public void searchKnowledgeBase(dev.convoy.protocol.v1.SearchKnowledgeBaseRequest request,
      StreamObserver<dev.convoy.protocol.v1.SearchKnowledgeBaseResponse> observer) {
    GrpcCalls.unary(observer, () -> knowledgeCalls.search(request));
  }

  @Override
  public void getKbArticle(dev.convoy.protocol.v1.GetKbArticleRequest request,
      StreamObserver<dev.convoy.protocol.v1.KbArticleContent> observer) {
    GrpcCalls.unary(observer, () -> knowledgeCalls.show(request));
  }

  @Override
  public void findKbArticles(dev.convoy.protocol.v1.FindKbArticlesRequest request,
      StreamObserver<dev.convoy.protocol.v1.FindKbArticlesResponse> observer) {
    GrpcCalls.unary(observer, () -> knowledgeCalls.find(request));
  }

  @Override
  public void getTrainingReport(dev.convoy.protocol.v1.GetTrainingReportRequest request,
      StreamObserver<dev.convoy.protocol.v1.TrainingReport> observer) {
    GrpcCalls.unary(observer, () -> knowledgeCalls.training(request));
  }

  // RACI, approvals, readiness (issue 7)
  @Override
  public void setRaci(SetRaciRequest request, StreamObserver<RaciResponse> observer) {
    GrpcCalls.unary(observer, () -> {
      // A RACI spans every site its release or campaign reaches: persons limited to some sites do not set one.
      scope.requireUnscoped("setting a RACI");
      return raciCalls.setRaci(request);
    });
  }

  @Override
  public void getRaci(GetRaciRequest request, StreamObserver<RaciResponse> observer) {
    GrpcCalls.unary(observer, () -> raciCalls.getRaci(request));
  }

  @Override
  public void approveCampaign(ApproveCampaignRequest request, StreamObserver<CampaignGovernance> observer) {
    GrpcCalls.unary(observer, () -> {
      scopedCampaign(request.getCampaignId());
      return raciCalls.approve(request);
    });
  }

  @Override
  public void acknowledgeCampaign(AcknowledgeCampaignRequest request,
      StreamObserver<CampaignGovernance> observer) {
    GrpcCalls.unary(observer, () -> {
      scopedCampaign(request.getCampaignId());
      return raciCalls.acknowledge(request);
    });
  }

  @Override
  public void overrideNotice(OverrideNoticeRequest request, StreamObserver<CampaignGovernance> observer) {
    GrpcCalls.unary(observer, () -> {
      scopedCampaign(request.getCampaignId());
      return raciCalls.overrideNotice(request);
    });
  }

  @Override
  public void getCampaignGovernance(GetCampaignGovernanceRequest request,
      StreamObserver<CampaignGovernance> observer) {
    GrpcCalls.unary(observer, () -> {
      scopedCampaign(request.getCampaignId());
      return raciCalls.get(request);
    });
  }

  @Override
  public void updateCampaign(UpdateCampaignRequest request, StreamObserver<Campaign> observer) {
    GrpcCalls.unary(observer, () -> {
      scopedCampaign(request.getCampaignId());
      if (request.hasTargets()) {
        scope.requireTargets(request.getTargets().getAll(), request.getTargets().getGroupsList(),
            request.getTargets().getEndpointIdsList());
      }
      return campaign(raciCalls.update(request));
    });
  }

  @Override
  public void getReleaseReadiness(GetReleaseReadinessRequest request, StreamObserver<ReleaseReadiness> observer) {
    GrpcCalls.unary(observer, () -> raciCalls.readiness(request));
  }

  @Override
  public void waiveReadiness(WaiveReadinessRequest request, StreamObserver<ReleaseReadiness> observer) {
    GrpcCalls.unary(observer, () -> {
      scope.requireUnscoped("waiving a release's readiness");
      return raciCalls.waive(request);
    });
  }

  private Campaign campaign(dev.convoy.server.campaign.Campaign campaign) {
    return raciCalls.decorate(CampaignProtoMapper.campaign(campaign, release(campaign)), campaign);
  }

  private Optional<dev.convoy.server.catalogue.Release> release(dev.convoy.server.campaign.Campaign campaign) {
    return catalogue.find(campaign.releaseName(), campaign.releaseVersion());
  }

  static String campaignId(String value) {
    return Require.matches("campaign_id", value, CAMPAIGN_ID, "cmp- followed by 16 lowercase hex digits");
  }
}
