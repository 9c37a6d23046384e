package dev.convoy.cli.agent;

import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.Table;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.Endpoint;
import dev.convoy.protocol.v1.ListEndpointsResponse;
import java.time.Instant;
import java.util.List;

/** The table of {@code convoy agent list}, also used for a group's members. */
public final class EndpointTable {
  private EndpointTable() {}

  /** One row per endpoint in server order, then a count line; a hint when there is none. */
  public static String render(ListEndpointsResponse response, Instant now) {
    if (response.getEndpointsCount() == 0) {
      return "No endpoints enrolled yet. Create a token with: convoy token create --group G\n";
    }
    return render(response.getEndpointsList(), now);
  }

  /** One row per endpoint in the given order, then {@code N endpoints, M online}. */
  public static String render(List<Endpoint> endpoints, Instant now) {
    Table table = new Table("ENDPOINT", "HOSTNAME", "GROUP", "STATUS", "LAST SEEN", "OS");
    long online = 0;
    for (Endpoint endpoint : endpoints) {
      online += endpoint.getOnline() ? 1 : 0;
      table.row(endpoint.getEndpointId(), endpoint.getHostname(), endpoint.getGroup(),
          endpoint.getOnline() ? "online" : "offline",
          Times.relativeAndIso(endpoint.getLastSeen(), now), endpoint.getOs());
    }
    int total = endpoints.size();
    return table.render() + total + (total == 1 ? " endpoint, " : " endpoints, ") + online + " online\n";
  }

  /** {@code endpoint_id,hostname,group,online,last_seen,os,agent_version}, one record per endpoint. */
  public static String csv(List<Endpoint> endpoints) {
    Csv csv = new Csv("endpoint_id", "hostname", "group", "online", "last_seen", "os", "agent_version");
    for (Endpoint endpoint : endpoints) {
      csv.row(endpoint.getEndpointId(), endpoint.getHostname(), endpoint.getGroup(),
          String.valueOf(endpoint.getOnline()), Times.exact(endpoint.getLastSeen()), endpoint.getOs(),
          endpoint.getAgentVersion());
    }
    return csv.render();
  }
}
