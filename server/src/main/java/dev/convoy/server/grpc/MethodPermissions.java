package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.server.people.Permission;
import io.grpc.MethodDescriptor;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The permission each person-facing RPC needs, by full method name. A method missing here is refused to everyone
 * (default deny), so a new RPC is unusable until it is given a row.
 *
 * <p>Adding an RPC: add one {@code row(...)} below, and one line to the RPC table of docs/roles.md (permission and
 * scope); the permission matrix test ({@code PermissionMatrixTest}) calls every AdminService method as every role and
 * fails for a method without a documented line, or whose behaviour differs from it. Scope (the groups a person is
 * limited to) is applied by each call to what it names, through {@link ScopeCheck}. Immutable, thread-safe.
 */
public final class MethodPermissions {
  /**
   * What a method needs.
   *
   * @param anyOf the permissions of which one of the caller's roles must grant one; empty when any known person may
   *     call
   */
  public record Need(Set<Permission> anyOf) {
    static final Need ANY_PERSON = new Need(Set.of());

    public Need {
      anyOf = Set.copyOf(anyOf);
    }

    public boolean anyPerson() {
      return anyOf.isEmpty();
    }

    /** The permissions as the docs write them, e.g. {@code run-campaigns or approve}. */
    public String label() {
      return anyOf.stream().map(Permission::label).sorted().collect(java.util.stream.Collectors.joining(" or "));
    }
  }

  private static final Map<String, Need> NEEDS = new HashMap<>();

  static {
    row(Need.ANY_PERSON, AdminServiceGrpc.getWhoAmIMethod());
    row(Permission.ENROLL, AdminServiceGrpc.getCreateEnrollmentTokenMethod());
    row(Permission.VIEW, AdminServiceGrpc.getListEndpointsMethod(), AdminServiceGrpc.getListReleasesMethod(),
        AdminServiceGrpc.getListCampaignsMethod(), AdminServiceGrpc.getGetCampaignStatusMethod(),
        AdminServiceGrpc.getWatchCampaignMethod(), AdminServiceGrpc.getGetCampaignReportMethod(),
        AdminServiceGrpc.getQueryInventoryMethod(), AdminServiceGrpc.getGetInventoryMethod(),
        AdminServiceGrpc.getGetInventoryHistoryMethod(), AdminServiceGrpc.getListGroupsMethod(),
        AdminServiceGrpc.getGetGroupMethod(), AdminServiceGrpc.getGetComplianceMethod(),
        AdminServiceGrpc.getListPublisherKeysMethod(), AdminServiceGrpc.getListIdentitiesMethod(),
        AdminServiceGrpc.getGetRaciMethod(), AdminServiceGrpc.getGetCampaignGovernanceMethod(),
        AdminServiceGrpc.getGetReleaseReadinessMethod());
    row(Permission.PUBLISH, AdminServiceGrpc.getPublishReleaseMethod());
    row(Permission.RUN_CAMPAIGNS, AdminServiceGrpc.getCreateCampaignMethod(),
        AdminServiceGrpc.getStartCampaignMethod(), AdminServiceGrpc.getPauseCampaignMethod(),
        AdminServiceGrpc.getResumeCampaignMethod(), AdminServiceGrpc.getAbortCampaignMethod(),
        AdminServiceGrpc.getCancelCampaignMethod(),
        AdminServiceGrpc.getRollbackWaveMethod(), AdminServiceGrpc.getSetRaciMethod(),
        AdminServiceGrpc.getUpdateCampaignMethod());
    // The go between waves is the Accountable's when a RACI names one (an approver need not run campaigns); without
    // a RACI, the domain lets only those who run campaigns give it.
    row(new Need(Set.of(Permission.RUN_CAMPAIGNS, Permission.APPROVE)), AdminServiceGrpc.getAdvanceCampaignMethod());
    // who the RACI names is checked by the domain on top: the Accountable approves, waives, overrides; Consulted ack
    row(Permission.APPROVE, AdminServiceGrpc.getApproveCampaignMethod(),
        AdminServiceGrpc.getAcknowledgeCampaignMethod(), AdminServiceGrpc.getOverrideNoticeMethod(),
        AdminServiceGrpc.getWaiveReadinessMethod());
    row(Permission.REFRESH_INVENTORY, AdminServiceGrpc.getRefreshInventoryMethod());
    row(Permission.MANAGE_GROUPS, AdminServiceGrpc.getCreateGroupMethod());
    row(Permission.MANAGE_IDENTITIES, AdminServiceGrpc.getAddPublisherKeyMethod(),
        AdminServiceGrpc.getRemovePublisherKeyMethod(), AdminServiceGrpc.getRevokeEndpointMethod(),
        AdminServiceGrpc.getRevokePersonMethod(), AdminServiceGrpc.getIssueIdentityMethod(),
        AdminServiceGrpc.getSetIdentityMethod());
    row(Permission.VIEW_AUDIT, AdminServiceGrpc.getListAuditEntriesMethod(), AdminServiceGrpc.getVerifyAuditMethod(),
        AdminServiceGrpc.getListNotificationsMethod());
    row(Permission.MANAGE_IDENTITIES, AdminServiceGrpc.getRetryNotificationMethod());
    // Technician-assisted installs (issue 5)
    row(Permission.TECHNICIAN_WORK, AdminServiceGrpc.getListTechnicianJobsMethod(),
        AdminServiceGrpc.getGetTechnicianJobMethod(), AdminServiceGrpc.getClaimTechnicianJobMethod(),
        AdminServiceGrpc.getReleaseTechnicianJobMethod(), AdminServiceGrpc.getStartTechnicianJobMethod(),
        AdminServiceGrpc.getStepTechnicianJobMethod(), AdminServiceGrpc.getFinishTechnicianJobMethod(),
        AdminServiceGrpc.getRollbackTechnicianJobMethod(), AdminServiceGrpc.getFollowTechnicianLogMethod());
    // Documents, knowledge base, training (issue 5): reading only.
    row(Permission.VIEW, AdminServiceGrpc.getListReleaseDocumentsMethod(),
        AdminServiceGrpc.getGetReleaseDocumentMethod(), AdminServiceGrpc.getSearchKnowledgeBaseMethod(),
        AdminServiceGrpc.getGetKbArticleMethod(), AdminServiceGrpc.getFindKbArticlesMethod(),
        AdminServiceGrpc.getGetTrainingReportMethod());
    // Server reflection describes the API only; it is for tooling (grpcurl) run by people who may read.
    row(Permission.VIEW, io.grpc.reflection.v1.ServerReflectionGrpc.getServerReflectionInfoMethod(),
        io.grpc.reflection.v1alpha.ServerReflectionGrpc.getServerReflectionInfoMethod());
  }

  private MethodPermissions() {}

  /** What {@code fullMethodName} needs; empty when the method has no row (then nobody may call it). */
  public static Optional<Need> needed(String fullMethodName) {
    return Optional.ofNullable(NEEDS.get(fullMethodName));
  }

  private static void row(Permission permission, MethodDescriptor<?, ?>... methods) {
    row(new Need(Set.of(permission)), methods);
  }

  private static void row(Need need, MethodDescriptor<?, ?>... methods) {
    for (MethodDescriptor<?, ?> method : methods) {
      if (NEEDS.put(method.getFullMethodName(), need) != null) {
        throw new IllegalStateException("two rows for " + method.getFullMethodName());
      }
    }
  }
}
