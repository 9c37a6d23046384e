package dev.convoy.cli.testing;

import com.google.protobuf.Timestamp;
import dev.convoy.protocol.v1.AddPublisherKeyRequest;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignCommandRequest;
import dev.convoy.protocol.v1.CampaignReport;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.GetCampaignReportRequest;
import dev.convoy.protocol.v1.RollbackWaveRequest;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.ComplianceReport;
import dev.convoy.protocol.v1.CreateGroupRequest;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.CreateEnrollmentTokenRequest;
import dev.convoy.protocol.v1.CreateEnrollmentTokenResponse;
import dev.convoy.protocol.v1.Endpoint;
import dev.convoy.protocol.v1.EndpointInventory;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.GetComplianceRequest;
import dev.convoy.protocol.v1.GetGroupRequest;
import dev.convoy.protocol.v1.GetInventoryHistoryRequest;
import dev.convoy.protocol.v1.GetInventoryRequest;
import dev.convoy.protocol.v1.Group;
import dev.convoy.protocol.v1.GroupMembers;
import dev.convoy.protocol.v1.InventoryHistory;
import dev.convoy.protocol.v1.ListCampaignsRequest;
import dev.convoy.protocol.v1.ListCampaignsResponse;
import dev.convoy.protocol.v1.ListEndpointsRequest;
import dev.convoy.protocol.v1.ListEndpointsResponse;
import dev.convoy.protocol.v1.ListGroupsRequest;
import dev.convoy.protocol.v1.ListGroupsResponse;
import dev.convoy.protocol.v1.ListPublisherKeysRequest;
import dev.convoy.protocol.v1.ListPublisherKeysResponse;
import dev.convoy.protocol.v1.PublishHeader;
import dev.convoy.protocol.v1.PublishReleaseRequest;
import dev.convoy.protocol.v1.PublisherKey;
import dev.convoy.protocol.v1.QueryInventoryRequest;
import dev.convoy.protocol.v1.QueryInventoryResponse;
import dev.convoy.protocol.v1.RefreshInventoryRequest;
import dev.convoy.protocol.v1.RefreshInventoryResponse;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.RemovePublisherKeyRequest;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.protocol.v1.ListAuditEntriesRequest;
import dev.convoy.protocol.v1.ListAuditEntriesResponse;
import dev.convoy.protocol.v1.RevocationResponse;
import dev.convoy.protocol.v1.RevokeEndpointRequest;
import dev.convoy.protocol.v1.RevokePersonRequest;
import dev.convoy.protocol.v1.VerifyAuditRequest;
import dev.convoy.protocol.v1.VerifyAuditResponse;
import dev.convoy.protocol.v1.WhoAmIRequest;
import dev.convoy.protocol.v1.WhoAmIResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A test double of the server's AdminService: an in-memory implementation with just enough behaviour to drive
 * every CLI command (not a mocked stub). Campaign progress is scripted: {@link #watchScript} decides what
 * WatchCampaign streams for a started campaign. Inventory, groups and compliance are computed from
 * {@link #inventory} with the server's query language ({@link FakeInventory}, {@link FakeGroups},
 * {@link FakeCompliance}). Thread-safe.
 */
public final class FakeAdminService extends AdminServiceGrpc.AdminServiceImplBase {
  /** A PublishRelease call as the server received it. */
  public record Upload(PublishHeader header, byte[] bytes, int dataMessages) {}

  public final List<CreateEnrollmentTokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
  public final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();
  public final List<Upload> uploads = new CopyOnWriteArrayList<>();
  public final Map<String, Release> releases = new ConcurrentHashMap<>();
  public final Map<String, Campaign> campaigns = new ConcurrentHashMap<>();
  public final List<CreateCampaignRequest> campaignRequests = new CopyOnWriteArrayList<>();
  /** What WatchCampaign and GetCampaignStatus show for a campaign; defaults to every target succeeding. */
  public volatile Function<Campaign, List<CampaignStatus>> watchScript = c -> Statuses.allSucceed(c, targeted(c));
  /** When set, PublishRelease fails with it after reading the header. */
  public volatile Status publishFailure;
  private final AtomicInteger ids = new AtomicInteger();
  /** Inventories, histories and the inventory requests received. */
  public final FakeInventory inventory = new FakeInventory(() -> endpoints);
  /** Dynamic groups (static ones are the endpoints' groups). */
  public final FakeGroups groups = new FakeGroups(() -> endpoints, inventory);
  /** Trusted publisher keys; signed uploads are verified against them. */
  public final FakePublishers publishers = new FakePublishers();
  private final FakeCompliance compliance = new FakeCompliance(inventory, campaigns::values);
  /** Pause, resume, abort, cancel, advance, rollback and report, with the requests received. */
  public final FakeCampaignControl control = new FakeCampaignControl(campaigns,
      () -> String.valueOf(ids.incrementAndGet()), this::lastStatus);

  /** The audit log and revocations. */
  public final FakeGovernance governance = new FakeGovernance();
  public final FakeNotifications notifications = new FakeNotifications();
  public final FakeKnowledge knowledge = new FakeKnowledge();

  /** Stores an inventory: shorthand for {@code inventory.put}. */
  public void putInventory(EndpointInventory endpointInventory) {
    inventory.put(endpointInventory);
  }

  @Override
  public void whoAmI(WhoAmIRequest request, StreamObserver<WhoAmIResponse> response) {
    reply(response, WhoAmIResponse.newBuilder().setSubject("CN=admin,OU=person,O=Convoy").setName("admin")
        .addRoles("admin").build());
  }

  @Override
  public void createEnrollmentToken(CreateEnrollmentTokenRequest request,
      StreamObserver<CreateEnrollmentTokenResponse> response) {
    if (request.getUses() < 1 || request.getTtlSeconds() <= 0) {
      response.onError(Status.INVALID_ARGUMENT.withDescription("uses/ttl out of range").asRuntimeException());
      return;
    }
    tokenRequests.add(request);
    reply(response, CreateEnrollmentTokenResponse.newBuilder().setToken("secret-" + ids.incrementAndGet())
        .setTokenId("tok-" + ids.get()).setGroup(request.getGroup()).setUses(request.getUses())
        .setExpiresAt(Timestamp.newBuilder().setSeconds(1_800_000_000L)).build());
  }

  @Override
  public void listEndpoints(ListEndpointsRequest request, StreamObserver<ListEndpointsResponse> response) {
    reply(response, ListEndpointsResponse.newBuilder().addAllEndpoints(endpoints).build());
  }

  @Override
  public StreamObserver<PublishReleaseRequest> publishRelease(StreamObserver<Release> response) {
    return new StreamObserver<>() {
      private PublishHeader header;
      private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      private int messages;
      private boolean failed;

      @Override
      public void onNext(PublishReleaseRequest request) {
        if (failed) {
          return;
        }
        if (request.hasHeader()) {
          header = request.getHeader();
          if (publishFailure != null) {
            failed = true;
            response.onError(publishFailure.asRuntimeException());
          }
        } else {
          messages++;
          bytes.writeBytes(request.getData().toByteArray());
        }
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {
        if (!failed) {
          finishUpload(header, bytes.toByteArray(), messages, response);
        }
      }
    };
  }

  private void finishUpload(PublishHeader header, byte[] bytes, int messages, StreamObserver<Release> response) {
    String sha256 = sha256(bytes);
    if (header == null || bytes.length != header.getLength() || !sha256.equals(header.getSha256())) {
      response.onError(Status.INVALID_ARGUMENT.withDescription("payload does not match header").asRuntimeException());
      return;
    }
    Release release;
    if (header.getFormat().equals("convoy-release")) {
      try {
        release = publishers.verify(header, bytes, sha256);
      } catch (StatusRuntimeException e) {
        response.onError(e);
        return;
      }
    } else {
      response.onError(Status.INVALID_ARGUMENT.withDescription("format: '" + header.getFormat()
          + "' (expected: convoy-release; unsigned uploads were retired, use 'convoy release publish')")
          .asRuntimeException());
      return;
    }
    uploads.add(new Upload(header, bytes, messages));
    releases.put(release.getName() + "@" + release.getVersion(), release);
    reply(response, release);
  }

  @Override
  public void listReleases(dev.convoy.protocol.v1.ListReleasesRequest request,
      StreamObserver<dev.convoy.protocol.v1.ListReleasesResponse> response) {
    reply(response, dev.convoy.protocol.v1.ListReleasesResponse.newBuilder().addAllReleases(releases.values().stream()
        .filter(r -> request.getName().isEmpty() || r.getName().equals(request.getName()))
        .sorted(java.util.Comparator.comparing(Release::getName).thenComparing(Release::getVersion)).toList())
        .build());
  }

  @Override
  public void createCampaign(CreateCampaignRequest request, StreamObserver<Campaign> response) {
    Release release = releases.get(request.getReleaseName() + "@" + request.getReleaseVersion());
    if (release == null) {
      response.onError(Status.NOT_FOUND.withDescription("release " + request.getReleaseName() + "@"
          + request.getReleaseVersion() + " not found").asRuntimeException());
      return;
    }
    campaignRequests.add(request);
    Campaign campaign = Campaign.newBuilder().setCampaignId("c-" + ids.incrementAndGet())
        .setTitle(request.getTitle()).setRelease(release).setTargets(request.getTargets())
        .setState(CampaignState.DRAFT).setCreatedBy("CN=admin,OU=person,O=Convoy")
        .setAction(request.getAction()).setAllowDowngrade(request.getAllowDowngrade())
        .setDelivery(request.getDelivery()).setRollout(request.getRollout()).setExecution(request.getExecution())
        .setStartAt(request.getStartAt()).addAllWindows(request.getWindowsList()).setNotice(request.getNotice())
        .setDeferral(request.getDeferral()).setDeadline(request.getDeadline()).addAllWaves(request.getWavesList())
        .setOnError(request.getOnError()).setTimeouts(request.getTimeouts()).setRetry(request.getRetry())
        .setPrestage(!request.getNoPrestage()).setPreset(request.getPreset()).build();
    campaigns.put(campaign.getCampaignId(), campaign);
    reply(response, campaign);
  }

  @Override
  public void startCampaign(StartCampaignRequest request, StreamObserver<Campaign> response) {
    Campaign campaign = campaigns.get(request.getCampaignId());
    if (campaign == null) {
      response.onError(notFound(request.getCampaignId()));
      return;
    }
    Campaign started = campaign.toBuilder().setState(CampaignState.RUNNING).build();
    campaigns.put(started.getCampaignId(), started);
    reply(response, started);
  }

  @Override
  public void listCampaigns(ListCampaignsRequest request, StreamObserver<ListCampaignsResponse> response) {
    List<Campaign> all = new ArrayList<>(campaigns.values());
    all.sort((a, b) -> a.getCampaignId().compareTo(b.getCampaignId()));
    reply(response, ListCampaignsResponse.newBuilder().addAllCampaigns(all).build());
  }

  @Override
  public void getCampaignStatus(GetCampaignStatusRequest request, StreamObserver<CampaignStatus> response) {
    Campaign campaign = campaigns.get(request.getCampaignId());
    if (campaign == null) {
      response.onError(notFound(request.getCampaignId()));
      return;
    }
    CampaignStatus last = lastStatus(campaign);
    if (!request.getEndpointId().isEmpty()) {
      last = last.toBuilder().clearDeployments().addAllDeployments(last.getDeploymentsList().stream()
          .filter(d -> d.getEndpointId().equals(request.getEndpointId())).toList()).build();
    }
    reply(response, last);
  }

  @Override
  public void watchCampaign(GetCampaignStatusRequest request, StreamObserver<CampaignStatus> response) {
    Campaign campaign = campaigns.get(request.getCampaignId());
    if (campaign == null) {
      response.onError(notFound(request.getCampaignId()));
      return;
    }
    watchScript.apply(campaign).forEach(response::onNext);
    response.onCompleted();
  }

  @Override
  public void pauseCampaign(CampaignCommandRequest request, StreamObserver<Campaign> response) {
    answer(response, () -> control.command("pause", request));
  }

  @Override
  public void resumeCampaign(CampaignCommandRequest request, StreamObserver<Campaign> response) {
    answer(response, () -> control.command("resume", request));
  }

  @Override
  public void abortCampaign(CampaignCommandRequest request, StreamObserver<Campaign> response) {
    answer(response, () -> control.command("abort", request));
  }

  @Override
  public void cancelCampaign(CampaignCommandRequest request, StreamObserver<Campaign> response) {
    answer(response, () -> control.command("cancel", request));
  }

  @Override
  public void advanceCampaign(CampaignCommandRequest request, StreamObserver<Campaign> response) {
    answer(response, () -> control.command("advance", request));
  }

  @Override
  public void rollbackWave(RollbackWaveRequest request, StreamObserver<Campaign> response) {
    answer(response, () -> control.rollback(request));
  }

  @Override
  public void getCampaignReport(GetCampaignReportRequest request, StreamObserver<CampaignReport> response) {
    answer(response, () -> control.report(request.getCampaignId()));
  }

  private CampaignStatus lastStatus(Campaign campaign) {
    List<CampaignStatus> script = watchScript.apply(campaign);
    return script.get(script.size() - 1);
  }

  @Override
  public void queryInventory(QueryInventoryRequest request, StreamObserver<QueryInventoryResponse> response) {
    answer(response, () -> inventory.query(request));
  }

  @Override
  public void getInventory(GetInventoryRequest request, StreamObserver<EndpointInventory> response) {
    answer(response, () -> inventory.get(request));
  }

  @Override
  public void getInventoryHistory(GetInventoryHistoryRequest request, StreamObserver<InventoryHistory> response) {
    answer(response, () -> inventory.history(request));
  }

  @Override
  public void refreshInventory(RefreshInventoryRequest request, StreamObserver<RefreshInventoryResponse> response) {
    answer(response, () -> inventory.refresh(request));
  }

  @Override
  public void createGroup(CreateGroupRequest request, StreamObserver<Group> response) {
    answer(response, () -> groups.create(request));
  }

  @Override
  public void listGroups(ListGroupsRequest request, StreamObserver<ListGroupsResponse> response) {
    answer(response, groups::list);
  }

  @Override
  public void getGroup(GetGroupRequest request, StreamObserver<GroupMembers> response) {
    answer(response, () -> groups.get(request));
  }

  @Override
  public void getCompliance(GetComplianceRequest request, StreamObserver<ComplianceReport> response) {
    answer(response, () -> compliance.report(request));
  }

  @Override
  public void addPublisherKey(AddPublisherKeyRequest request, StreamObserver<PublisherKey> response) {
    answer(response, () -> publishers.add(request));
  }

  @Override
  public void listPublisherKeys(ListPublisherKeysRequest request,
      StreamObserver<ListPublisherKeysResponse> response) {
    answer(response, publishers::list);
  }

  @Override
  public void removePublisherKey(RemovePublisherKeyRequest request, StreamObserver<PublisherKey> response) {
    answer(response, () -> publishers.remove(request));
  }

  @Override
  public void listAuditEntries(ListAuditEntriesRequest request,
      StreamObserver<ListAuditEntriesResponse> response) {
    answer(response, () -> governance.list(request));
  }

  @Override
  public void verifyAudit(VerifyAuditRequest request, StreamObserver<VerifyAuditResponse> response) {
    answer(response, () -> governance.verification);
  }

  @Override
  public void revokeEndpoint(RevokeEndpointRequest request, StreamObserver<RevocationResponse> response) {
    answer(response, () -> governance.revokeEndpoint(request));
  }

  @Override
  public void revokePerson(RevokePersonRequest request, StreamObserver<RevocationResponse> response) {
    answer(response, () -> governance.revokePerson(request));
  }

  @Override
  public void listNotifications(dev.convoy.protocol.v1.ListNotificationsRequest request,
      StreamObserver<dev.convoy.protocol.v1.ListNotificationsResponse> response) {
    answer(response, () -> notifications.list(request));
  }

  @Override
  public void retryNotification(dev.convoy.protocol.v1.RetryNotificationRequest request,
      StreamObserver<dev.convoy.protocol.v1.OutboxNotification> response) {
    answer(response, () -> notifications.retry(request));
  }

  /** The endpoints a campaign targets, from {@link #endpoints}. */
  public List<Endpoint> targeted(Campaign campaign) {
    return endpoints.stream().filter(e -> campaign.getTargets().getAll()
        || campaign.getTargets().getGroupsList().contains(e.getGroup())
        || campaign.getTargets().getEndpointIdsList().contains(e.getEndpointId())).toList();
  }

  // Documents, knowledge base, training (issue 5)
  @Override
  public void listReleaseDocuments(dev.convoy.protocol.v1.ListReleaseDocumentsRequest request,
      StreamObserver<dev.convoy.protocol.v1.ListReleaseDocumentsResponse> response) {
    answer(response, () -> knowledge.list(request));
  }

  @Override
  public void getReleaseDocument(dev.convoy.protocol.v1.GetReleaseDocumentRequest request,
      StreamObserver<dev.convoy.protocol.v1.ReleaseDocumentContent> response) {
    answer(response, () -> knowledge.get(request));
  }

  @Override
  public void searchKnowledgeBase(dev.convoy.protocol.v1.SearchKnowledgeBaseRequest request,
      StreamObserver<dev.convoy.protocol.v1.SearchKnowledgeBaseResponse> response) {
    answer(response, () -> knowledge.search(request));
  }

  @Override
  public void getKbArticle(dev.convoy.protocol.v1.GetKbArticleRequest request,
      StreamObserver<dev.convoy.protocol.v1.KbArticleContent> response) {
    answer(response, () -> knowledge.show(request));
  }

  @Override
  public void findKbArticles(dev.convoy.protocol.v1.FindKbArticlesRequest request,
      StreamObserver<dev.convoy.protocol.v1.FindKbArticlesResponse> response) {
    answer(response, () -> knowledge.find(request));
  }

  @Override
  public void getTrainingReport(dev.convoy.protocol.v1.GetTrainingReportRequest request,
      StreamObserver<dev.convoy.protocol.v1.TrainingReport> response) {
    answer(response, () -> knowledge.training(request));
  }

  private static RuntimeException notFound(String campaignId) {
    return Status.NOT_FOUND.withDescription("campaign " + campaignId + " not found").asRuntimeException();
  }

  /** Replies with what {@code call} returns, or fails with the status it throws. */
  private static <T> void answer(StreamObserver<T> response, Supplier<T> call) {
    T value;
    try {
      value = call.get();
    } catch (StatusRuntimeException e) {
      response.onError(e);
      return;
    }
    reply(response, value);
  }

  private static <T> void reply(StreamObserver<T> response, T value) {
    response.onNext(value);
    response.onCompleted();
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
