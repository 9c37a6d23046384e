package dev.convoy.cli.agent;

import dev.convoy.cli.output.Table;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.Endpoint;
import dev.convoy.protocol.v1.ListEndpointsResponse;
import java.time.Instant;

/** The table of {@code convoy agent list}. */
public final class EndpointTable {
  private EndpointTable() {}

  /** One row per endpoint in server order, then a count line; a hint when there is none. */
  public static String render(ListEndpointsResponse response, Instant now) {
    if (response.getEndpointsCount() == 0) {
      return "No endpoints enrolled yet. Create a token with: convoy token create --group G\n";
    }
    Table table = new Table("ENDPOINT", "HOSTNAME", "GROUP", "STATUS", "LAST SEEN", "OS");
    long online = 0;
    for (Endpoint endpoint : response.getEndpointsList()) {
      online += endpoint.getOnline() ? 1 : 0;
      table.row(endpoint.getEndpointId(), endpoint.getHostname(), endpoint.getGroup(),
          endpoint.getOnline() ? "online" : "offline",
          Times.relativeAndIso(endpoint.getLastSeen(), now), endpoint.getOs());
    }
    int total = response.getEndpointsCount();
    return table.render() + total + (total == 1 ? " endpoint, " : " endpoints, ") + online + " online\n";
  }
}
