package dev.convoy.cli.testing;

import com.google.protobuf.Timestamp;
import dev.convoy.protocol.v1.AuditEntry;
import dev.convoy.protocol.v1.ListAuditEntriesRequest;
import dev.convoy.protocol.v1.ListAuditEntriesResponse;
import dev.convoy.protocol.v1.RevocationResponse;
import dev.convoy.protocol.v1.RevokeEndpointRequest;
import dev.convoy.protocol.v1.RevokePersonRequest;
import dev.convoy.protocol.v1.VerifyAuditResponse;
import io.grpc.Status;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The audit and revocation part of {@link FakeAdminService}: an in-memory log with the server's paging and filters,
 * a scripted verification result, and revocations of known endpoints and persons. Thread-safe.
 */
public final class FakeGovernance {
  public final List<AuditEntry> entries = new CopyOnWriteArrayList<>();
  public final List<ListAuditEntriesRequest> listRequests = new CopyOnWriteArrayList<>();
  public volatile VerifyAuditResponse verification = VerifyAuditResponse.newBuilder().setOk(true).build();
  public final Set<String> endpoints = ConcurrentHashMap.newKeySet();
  public final Set<String> persons = ConcurrentHashMap.newKeySet();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();

  /** Adds entry {@code sequence} (time = sequence minutes after the epoch of 2026-11-29). */
  public AuditEntry add(String action, String target, String... details) {
    long sequence = entries.size() + 1;
    AuditEntry.Builder entry = AuditEntry.newBuilder().setSequence(sequence)
        .setTime(Timestamp.newBuilder().setSeconds(1_795_000_000L + sequence * 60))
        .setActor("CN=admin,OU=person,O=Convoy").setAction(action).setTarget(target)
        .setPreviousHash(String.format("%064x", sequence - 1)).setHash(String.format("%064x", sequence));
    for (int i = 0; i < details.length; i += 2) {
      entry.putDetails(details[i], details[i + 1]);
    }
    entries.add(entry.build());
    return entry.build();
  }

  ListAuditEntriesResponse list(ListAuditEntriesRequest request) {
    listRequests.add(request);
    int limit = request.getLimit() == 0 ? 500 : request.getLimit();
    List<AuditEntry> page = entries.stream().filter(e -> e.getSequence() > request.getAfterSequence())
        .filter(e -> request.getCampaignId().isEmpty() || e.getTarget().equals(request.getCampaignId()))
        .filter(e -> !request.hasSince() || e.getTime().getSeconds() >= request.getSince().getSeconds())
        .limit(limit).toList();
    ListAuditEntriesResponse.Builder response = ListAuditEntriesResponse.newBuilder().addAllEntries(page);
    if (page.size() == limit) {
      response.setNextAfterSequence(page.get(page.size() - 1).getSequence());
    }
    return response.build();
  }

  RevocationResponse revokeEndpoint(RevokeEndpointRequest request) {
    return revoke(endpoints, "endpoint", request.getEndpointId());
  }

  RevocationResponse revokePerson(RevokePersonRequest request) {
    return revoke(persons, "person", request.getName());
  }

  private RevocationResponse revoke(Set<String> known, String kind, String name) {
    if (!known.contains(name)) {
      throw Status.NOT_FOUND.withDescription(kind + " " + name + " is not known").asRuntimeException();
    }
    boolean already = !revoked.add(kind + "/" + name);
    RevocationResponse.Builder response = RevocationResponse.newBuilder().setTarget(name)
        .setAlreadyRevoked(already).setStreamsClosed(already ? 0 : 1);
    if (!already) {
      response.setRevokedAt(Timestamp.newBuilder().setSeconds(1_795_000_000L));
    }
    return response.build();
  }
}
