package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.server.people.Permission;
import io.grpc.MethodDescriptor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The permission each person-facing RPC needs, by full method name (the README's role table is derived from this
 * and {@link dev.convoy.server.people.Role}). A method missing here is refused to everyone (default deny), so a new
 * RPC is unusable until it is given a row — the permission matrix test fails on a method without one. Scope (the
 * groups a person is limited to) is checked by each call on what it names. Immutable, thread-safe.
 */
public final class MethodPermissions {
  /**
   * What a method needs.
   *
   * @param permission the permission one of the caller's roles must grant; null when any known person may call
   */
  public record Need(Permission permission) {
    static final Need ANY_PERSON = new Need(null);

    public boolean anyPerson() {
      return permission == null;
    }
  }

  private static final Map<String, Permission> NEEDS = new HashMap<>();
  private static final Set<String> OPEN = new HashSet<>();

  static {
    open(AdminServiceGrpc.getWhoAmIMethod());
    need(Permission.ENROLL, AdminServiceGrpc.getCreateEnrollmentTokenMethod());
    need(Permission.VIEW, AdminServiceGrpc.getListEndpointsMethod(), AdminServiceGrpc.getListReleasesMethod(),
        AdminServiceGrpc.getListCampaignsMethod(), AdminServiceGrpc.getGetCampaignStatusMethod(),
        AdminServiceGrpc.getWatchCampaignMethod(), AdminServiceGrpc.getGetCampaignReportMethod(),
        AdminServiceGrpc.getQueryInventoryMethod(), AdminServiceGrpc.getGetInventoryMethod(),
        AdminServiceGrpc.getGetInventoryHistoryMethod(), AdminServiceGrpc.getListGroupsMethod(),
        AdminServiceGrpc.getGetGroupMethod(), AdminServiceGrpc.getGetComplianceMethod(),
        AdminServiceGrpc.getListPublisherKeysMethod(), AdminServiceGrpc.getGetRaciMethod(),
        AdminServiceGrpc.getGetCampaignGovernanceMethod(), AdminServiceGrpc.getGetReleaseReadinessMethod());
    need(Permission.PUBLISH, AdminServiceGrpc.getPublishReleaseMethod());
    need(Permission.RUN_CAMPAIGNS, AdminServiceGrpc.getCreateCampaignMethod(),
        AdminServiceGrpc.getStartCampaignMethod(), AdminServiceGrpc.getPauseCampaignMethod(),
        AdminServiceGrpc.getResumeCampaignMethod(), AdminServiceGrpc.getAbortCampaignMethod(),
        AdminServiceGrpc.getCancelCampaignMethod(), AdminServiceGrpc.getAdvanceCampaignMethod(),
        AdminServiceGrpc.getRollbackWaveMethod(), AdminServiceGrpc.getSetRaciMethod(),
        AdminServiceGrpc.getUpdateCampaignMethod());
    // who the RACI names is checked by the domain on top: the Accountable approves, waives, overrides; Consulted ack
    need(Permission.APPROVE, AdminServiceGrpc.getApproveCampaignMethod(),
        AdminServiceGrpc.getAcknowledgeCampaignMethod(), AdminServiceGrpc.getOverrideNoticeMethod(),
        AdminServiceGrpc.getWaiveReadinessMethod());
    need(Permission.REFRESH_INVENTORY, AdminServiceGrpc.getRefreshInventoryMethod());
    need(Permission.MANAGE_GROUPS, AdminServiceGrpc.getCreateGroupMethod());
    need(Permission.MANAGE_IDENTITIES, AdminServiceGrpc.getAddPublisherKeyMethod(),
        AdminServiceGrpc.getRemovePublisherKeyMethod(), AdminServiceGrpc.getRevokeEndpointMethod(),
        AdminServiceGrpc.getRevokePersonMethod());
    need(Permission.VIEW_AUDIT, AdminServiceGrpc.getListAuditEntriesMethod(), AdminServiceGrpc.getVerifyAuditMethod());
    // Server reflection describes the API only; it is for tooling (grpcurl) run by people who may read.
    NEEDS.put(io.grpc.reflection.v1.ServerReflectionGrpc.getServerReflectionInfoMethod().getFullMethodName(),
        Permission.VIEW);
    NEEDS.put(io.grpc.reflection.v1alpha.ServerReflectionGrpc.getServerReflectionInfoMethod().getFullMethodName(),
        Permission.VIEW);
  }

  private MethodPermissions() {}

  /** What {@code fullMethodName} needs; empty when the method has no row (then nobody may call it). */
  public static Optional<Need> needed(String fullMethodName) {
    if (OPEN.contains(fullMethodName)) {
      return Optional.of(Need.ANY_PERSON);
    }
    return Optional.ofNullable(NEEDS.get(fullMethodName)).map(Need::new);
  }

  private static void open(MethodDescriptor<?, ?> method) {
    OPEN.add(method.getFullMethodName());
  }

  private static void need(Permission permission, MethodDescriptor<?, ?>... methods) {
    for (MethodDescriptor<?, ?> method : methods) {
      if (NEEDS.put(method.getFullMethodName(), permission) != null || OPEN.contains(method.getFullMethodName())) {
        throw new IllegalStateException("two rows for " + method.getFullMethodName());
      }
    }
  }
}
