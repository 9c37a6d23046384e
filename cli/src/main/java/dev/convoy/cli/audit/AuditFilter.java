package dev.convoy.cli.audit;

import com.google.protobuf.Timestamp;
import dev.convoy.cli.UsageException;
import dev.convoy.cli.inventory.Since;
import dev.convoy.protocol.v1.ListAuditEntriesRequest;
import java.time.Instant;
import picocli.CommandLine.Option;

/** The {@code --since} and {@code --campaign} options of {@code audit list} and {@code audit export}. */
public final class AuditFilter {
  @Option(names = "--since", paramLabel = "WHEN",
      description = "Only entries at or after WHEN: an ISO-8601 instant, a date (UTC) or an age such as 7d, 12h.")
  private String since;

  @Option(names = "--campaign", paramLabel = "ID", description = "Only entries about this campaign.")
  private String campaign;

  /** The request these options select. @throws UsageException for a malformed --since */
  ListAuditEntriesRequest request(Instant now) {
    ListAuditEntriesRequest.Builder request = ListAuditEntriesRequest.newBuilder();
    if (since != null) {
      Instant from;
      try {
        from = Since.parse(since, now);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--since: " + e.getMessage());
      }
      request.setSince(Timestamp.newBuilder().setSeconds(from.getEpochSecond()).setNanos(from.getNano()));
    }
    if (campaign != null) {
      request.setCampaignId(campaign);
    }
    return request.build();
  }
}
