package dev.convoy.cli.audit;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.AuditEntry;
import dev.convoy.protocol.v1.ListAuditEntriesRequest;
import dev.convoy.protocol.v1.ListAuditEntriesResponse;
import java.util.function.Consumer;

/** Reads every audit entry a request selects, page after page, oldest first. Stateless. */
final class AuditPages {
  static final int PAGE = 1000;

  private AuditPages() {}

  /** Calls {@code each} for every selected entry; returns how many there were. */
  static long forEach(AdminServiceGrpc.AdminServiceBlockingStub admin, ListAuditEntriesRequest request,
      Consumer<AuditEntry> each) {
    long count = 0;
    ListAuditEntriesRequest page = request.toBuilder().setLimit(PAGE).build();
    while (true) {
      ListAuditEntriesResponse response = admin.listAuditEntries(page);
      response.getEntriesList().forEach(each);
      count += response.getEntriesCount();
      if (response.getNextAfterSequence() == 0) {
        return count;
      }
      page = page.toBuilder().setAfterSequence(response.getNextAfterSequence()).build();
    }
  }
}
