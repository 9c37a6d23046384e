package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.AddPublisherKeyRequest;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignCommandRequest;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.CreateEnrollmentTokenRequest;
import dev.convoy.protocol.v1.CreateEnrollmentTokenResponse;
import dev.convoy.protocol.v1.CreateGroupRequest;
import dev.convoy.protocol.v1.PublisherKey;
import dev.convoy.protocol.v1.RefreshInventoryRequest;
import dev.convoy.protocol.v1.RefreshInventoryResponse;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.RemovePublisherKeyRequest;
import dev.convoy.protocol.v1.RollbackWaveRequest;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.server.audit.AuditEvent;
import io.grpc.MethodDescriptor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which AdminService calls change something, and what the audit log records for each after it succeeded: an
 * action, a target and a few details taken from the request and the response. Secrets (the enrollment token text,
 * key material) are never recorded. Every AdminService method must be in exactly one of {@link #rules()},
 * {@link #AUDITED_IN_DOMAIN} or {@link #READ_ONLY}; a test keeps it so, so that a new RPC cannot go unaudited
 * by oversight. Stateless.
 */
final class AuditRules {
  /** Builds the event of one successful call from its first request message and its response. */
  @FunctionalInterface
  interface Rule {
    AuditEvent event(String actor, Object request, Object response);
  }

  /** Calls whose domain service appends the audit entry in the same batch as the change. */
  static final Set<String> AUDITED_IN_DOMAIN = Set.of(
      AdminServiceGrpc.getRevokeEndpointMethod().getFullMethodName(),
      AdminServiceGrpc.getRevokePersonMethod().getFullMethodName(),
      AdminServiceGrpc.getIssueIdentityMethod().getFullMethodName(),
      AdminServiceGrpc.getSetIdentityMethod().getFullMethodName(),
      // Technician-assisted installs (issue 5): claims, codes, steps and sign-offs are audited with their change
      name(AdminServiceGrpc.getClaimTechnicianJobMethod()), name(AdminServiceGrpc.getReleaseTechnicianJobMethod()),
      name(AdminServiceGrpc.getStartTechnicianJobMethod()), name(AdminServiceGrpc.getStepTechnicianJobMethod()),
      name(AdminServiceGrpc.getFinishTechnicianJobMethod()),
      name(AdminServiceGrpc.getRollbackTechnicianJobMethod()),
      // RACI, approvals, readiness (issue 7): audited by the governance service with the change

      name(AdminServiceGrpc.getSetRaciMethod()), name(AdminServiceGrpc.getApproveCampaignMethod()),
      name(AdminServiceGrpc.getAcknowledgeCampaignMethod()), name(AdminServiceGrpc.getOverrideNoticeMethod()),
      name(AdminServiceGrpc.getUpdateCampaignMethod()), name(AdminServiceGrpc.getWaiveReadinessMethod()));

  /** Calls that change nothing. */
  static final Set<String> READ_ONLY = Set.of(
      name(AdminServiceGrpc.getWhoAmIMethod()), name(AdminServiceGrpc.getListEndpointsMethod()),
      name(AdminServiceGrpc.getListReleasesMethod()), name(AdminServiceGrpc.getListCampaignsMethod()),
      name(AdminServiceGrpc.getGetCampaignStatusMethod()), name(AdminServiceGrpc.getWatchCampaignMethod()),
      name(AdminServiceGrpc.getGetCampaignReportMethod()), name(AdminServiceGrpc.getQueryInventoryMethod()),
      name(AdminServiceGrpc.getGetInventoryMethod()), name(AdminServiceGrpc.getGetInventoryHistoryMethod()),
      name(AdminServiceGrpc.getListGroupsMethod()), name(AdminServiceGrpc.getGetGroupMethod()),
      name(AdminServiceGrpc.getGetComplianceMethod()), name(AdminServiceGrpc.getListPublisherKeysMethod()),
      name(AdminServiceGrpc.getListAuditEntriesMethod()), name(AdminServiceGrpc.getVerifyAuditMethod()),
      name(AdminServiceGrpc.getListNotificationsMethod()), name(AdminServiceGrpc.getListIdentitiesMethod()),
      name(AdminServiceGrpc.getListTechnicianJobsMethod()), name(AdminServiceGrpc.getGetTechnicianJobMethod()),
      name(AdminServiceGrpc.getFollowTechnicianLogMethod()),
      // Documents, knowledge base, training (issue 5)
      name(AdminServiceGrpc.getListReleaseDocumentsMethod()), name(AdminServiceGrpc.getGetReleaseDocumentMethod()),
      name(AdminServiceGrpc.getSearchKnowledgeBaseMethod()), name(AdminServiceGrpc.getGetKbArticleMethod()),
      name(AdminServiceGrpc.getFindKbArticlesMethod()), name(AdminServiceGrpc.getGetTrainingReportMethod()),
      // RACI, approvals, readiness (issue 7)

      name(AdminServiceGrpc.getGetRaciMethod()), name(AdminServiceGrpc.getGetCampaignGovernanceMethod()),
      name(AdminServiceGrpc.getGetReleaseReadinessMethod()));

  private static final Map<String, Rule> RULES = build();

  private AuditRules() {}

  static Map<String, Rule> rules() {
    return RULES;
  }

  private static Map<String, Rule> build() {
    Map<String, Rule> rules = new HashMap<>();
    rules.put(name(AdminServiceGrpc.getCreateEnrollmentTokenMethod()), (actor, rq, rs) -> {
      var request = (CreateEnrollmentTokenRequest) rq;
      return new AuditEvent(actor, "token.create", ((CreateEnrollmentTokenResponse) rs).getTokenId(), details(
          "group", request.getGroup(), "uses", request.getUses(), "ttl_seconds", request.getTtlSeconds()));
    });
    rules.put(name(AdminServiceGrpc.getPublishReleaseMethod()), (actor, rq, rs) -> {
      var release = (Release) rs;
      return new AuditEvent(actor, "release.publish", release.getName() + "@" + release.getVersion(),
          details("sha256", release.getSha256(), "installer", release.getInstaller()));
    });
    rules.put(name(AdminServiceGrpc.getCreateCampaignMethod()), (actor, rq, rs) -> {
      var request = (CreateCampaignRequest) rq;
      return new AuditEvent(actor, "campaign.create", ((Campaign) rs).getCampaignId(), details(
          "release", request.getReleaseName() + "@" + request.getReleaseVersion(), "title", request.getTitle()));
    });
    rules.put(name(AdminServiceGrpc.getStartCampaignMethod()), (actor, rq, rs) -> new AuditEvent(actor,
        "campaign.start", ((StartCampaignRequest) rq).getCampaignId(), details("state", state(rs))));
    command(rules, AdminServiceGrpc.getPauseCampaignMethod(), "campaign.pause");
    command(rules, AdminServiceGrpc.getResumeCampaignMethod(), "campaign.resume");
    command(rules, AdminServiceGrpc.getAbortCampaignMethod(), "campaign.abort");
    command(rules, AdminServiceGrpc.getCancelCampaignMethod(), "campaign.cancel");
    command(rules, AdminServiceGrpc.getAdvanceCampaignMethod(), "campaign.advance");
    rules.put(name(AdminServiceGrpc.getRollbackWaveMethod()), (actor, rq, rs) -> {
      var request = (RollbackWaveRequest) rq;
      return new AuditEvent(actor, "campaign.rollback", request.getCampaignId(), details("wave", request.getWave(),
          "to_version", request.getToVersion().isEmpty() ? "(uninstall)" : request.getToVersion()));
    });
    rules.put(name(AdminServiceGrpc.getRefreshInventoryMethod()), (actor, rq, rs) -> {
      var request = (RefreshInventoryRequest) rq;
      return new AuditEvent(actor, "inventory.refresh", request.getAll() ? "all endpoints"
          : String.join(",", request.getEndpointIdsList()),
          details("requested", ((RefreshInventoryResponse) rs).getRequested()));
    });
    rules.put(name(AdminServiceGrpc.getCreateGroupMethod()), (actor, rq, rs) -> {
      var request = (CreateGroupRequest) rq;
      return new AuditEvent(actor, "group.create", request.getName(),
          details("query", request.getQuery(), "description", request.getDescription()));
    });
    rules.put(name(AdminServiceGrpc.getAddPublisherKeyMethod()), (actor, rq, rs) -> new AuditEvent(actor,
        "publisher-key.add", ((PublisherKey) rs).getKeyId(), details("name", ((AddPublisherKeyRequest) rq).getName())));
    rules.put(name(AdminServiceGrpc.getRemovePublisherKeyMethod()), (actor, rq, rs) -> new AuditEvent(actor,
        "publisher-key.remove", ((RemovePublisherKeyRequest) rq).getKeyId(),
        details("name", ((PublisherKey) rs).getName())));
    rules.put(name(AdminServiceGrpc.getRetryNotificationMethod()), (actor, rq, rs) -> {
      var notification = (dev.convoy.protocol.v1.OutboxNotification) rs;
      return new AuditEvent(actor, "notification.retry", String.valueOf(notification.getId()), details(
          "event_id", notification.getEventId(), "kind", notification.getKind(), "campaign_id",
          notification.getCampaignId(), "destination", notification.getDestination()));
    });
    return Map.copyOf(rules);
  }

  private static void command(Map<String, Rule> rules, MethodDescriptor<CampaignCommandRequest, Campaign> method,
      String action) {
    rules.put(name(method), (actor, rq, rs) -> {
      var request = (CampaignCommandRequest) rq;
      return new AuditEvent(actor, action, request.getCampaignId(),
          details("comment", request.getComment(), "state", state(rs)));
    });
  }

  private static String state(Object campaign) {
    return ((Campaign) campaign).getState().name();
  }

  /** Pairs of key and value; empty values are left out. */
  private static Map<String, String> details(Object... pairs) {
    Map<String, String> details = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      String value = String.valueOf(pairs[i + 1]);
      if (!value.isEmpty()) {
        details.put((String) pairs[i], value);
      }
    }
    return details;
  }

  private static String name(MethodDescriptor<?, ?> method) {
    return method.getFullMethodName();
  }
}
