package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.AuditEntry;
import dev.convoy.protocol.v1.ListAuditEntriesRequest;
import dev.convoy.protocol.v1.ListAuditEntriesResponse;
import dev.convoy.protocol.v1.RevocationResponse;
import dev.convoy.protocol.v1.RevokeEndpointRequest;
import dev.convoy.protocol.v1.RevokePersonRequest;
import dev.convoy.protocol.v1.VerifyAuditResponse;
import dev.convoy.server.audit.AuditLog;
import dev.convoy.server.audit.AuditVerification;
import dev.convoy.server.common.Require;
import dev.convoy.server.common.Revocation;
import dev.convoy.server.endpoint.EndpointNames;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.people.PersonService;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** The audit and revocation calls of AdminService: validation, domain call, mapping. Thread-safe. */
final class GovernanceAdminCalls {
  static final int DEFAULT_PAGE = 500;
  static final int MAX_PAGE = 5000;
  static final int MAX_COMMENT = 1000;

  private final AuditLog audit;
  private final EndpointService endpoints;
  private final PersonService people;
  private final StreamGuard guard;
  private final ScopeCheck scope;

  GovernanceAdminCalls(AuditLog audit, EndpointService endpoints, PersonService people, StreamGuard guard,
      ScopeCheck scope) {
    this.scope = scope;
    this.audit = audit;
    this.endpoints = endpoints;
    this.people = people;
    this.guard = guard;
  }

  ListAuditEntriesResponse list(ListAuditEntriesRequest request) {
    if (request.getLimit() < 0 || request.getLimit() > MAX_PAGE) {
      throw ConvoyException.invalidArgument("limit: " + request.getLimit() + " (expected: 0..." + MAX_PAGE + ")");
    }
    int limit = request.getLimit() == 0 ? DEFAULT_PAGE : request.getLimit();
    Predicate<dev.convoy.server.audit.AuditEntry> filter = entry -> true;
    if (request.hasSince()) {
      Instant since = Instant.ofEpochSecond(request.getSince().getSeconds(), request.getSince().getNanos());
      filter = filter.and(entry -> !entry.time().isBefore(since));
    }
    if (!request.getCampaignId().isEmpty()) {
      String campaignId = AdminGrpcService.campaignId(request.getCampaignId());
      filter = filter.and(entry -> entry.event().target().equals(campaignId)
          || campaignId.equals(entry.event().details().get("campaign_id")));
    }
    List<dev.convoy.server.audit.AuditEntry> entries = audit.list(request.getAfterSequence(), filter, limit);
    ListAuditEntriesResponse.Builder response = ListAuditEntriesResponse.newBuilder();
    entries.forEach(entry -> response.addEntries(entry(entry)));
    if (entries.size() == limit) {
      response.setNextAfterSequence(entries.get(entries.size() - 1).sequence());
    }
    return response.build();
  }

  VerifyAuditResponse verify() {
    AuditVerification result = audit.verify();
    return VerifyAuditResponse.newBuilder().setOk(result.ok()).setEntriesChecked(result.entriesChecked())
        .setFirstBadSequence(result.firstBadSequence()).setReason(result.reason())
        .setHeadSequence(result.headSequence()).setHeadHash(result.headHash()).build();
  }

  RevocationResponse revokeEndpoint(RevokeEndpointRequest request) {
    String endpointId = EndpointNames.requireEndpointId("endpoint_id", request.getEndpointId());
    scope.requireEndpoint("endpoint_id", endpointId);
    String comment = Require.optionalText("comment", request.getComment(), MAX_COMMENT);
    Revocation revocation = endpoints.revoke(endpointId, Principal.current().subject(), comment, audit);
    return response(revocation, guard.endpointRevoked(endpointId));
  }

  RevocationResponse revokePerson(RevokePersonRequest request) {
    Principal caller = Principal.current();
    String comment = Require.optionalText("comment", request.getComment(), MAX_COMMENT);
    Revocation revocation = people.revoke(request.getName(), IdentityAdminCalls.actor(caller), comment);
    return response(revocation, guard.personRevoked(request.getName()));
  }

  private static RevocationResponse response(Revocation revocation, int closed) {
    RevocationResponse.Builder response = RevocationResponse.newBuilder().setTarget(revocation.target())
        .setAlreadyRevoked(revocation.alreadyRevoked()).setStreamsClosed(closed);
    if (revocation.revokedAt() != null) {
      response.setRevokedAt(timestamp(revocation.revokedAt()));
    }
    return response.build();
  }

  static AuditEntry entry(dev.convoy.server.audit.AuditEntry entry) {
    return AuditEntry.newBuilder().setSequence(entry.sequence()).setTime(timestamp(entry.time()))
        .setActor(entry.event().actor()).setAction(entry.event().action()).setTarget(entry.event().target())
        .putAllDetails(entry.event().details()).setPreviousHash(entry.previousHashHex()).setHash(entry.hashHex())
        .build();
  }

  private static com.google.protobuf.Timestamp timestamp(Instant instant) {
    return com.google.protobuf.Timestamp.newBuilder().setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano()).build();
  }
}
