package dev.convoy.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.testing.Statuses;
import dev.convoy.protocol.v1.ListEndpointsResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EndpointTableTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  static ListEndpointsResponse two() {
    return ListEndpointsResponse.newBuilder()
        .addEndpoints(Statuses.endpoint("ep-00000000000000a1", "pc-1", "lab", true).toBuilder()
            .setLastSeen(at(NOW.minusSeconds(12))))
        .addEndpoints(Statuses.endpoint("ep-00000000000000b2", "pc-22", "office", false).toBuilder()
            .setLastSeen(at(NOW.minusSeconds(3 * 86_400 + 5))).setOs("Windows 11"))
        .build();
  }

  @Test
  void render_endpoints_rowsWithRelativeAndIsoLastSeen() {
    assertThat(EndpointTable.render(two(), NOW)).isEqualTo("""
        ENDPOINT             HOSTNAME  GROUP   STATUS   LAST SEEN                       OS
        ep-00000000000000a1  pc-1      lab     online   12s ago (2026-11-29T11:59:48Z)  Debian GNU/Linux 12 (bookworm)
        ep-00000000000000b2  pc-22     office  offline  3d ago (2026-11-26T11:59:55Z)   Windows 11
        2 endpoints, 1 online
        """);
  }

  @Test
  void render_neverSeen_saysNever() {
    ListEndpointsResponse one = ListEndpointsResponse.newBuilder()
        .addEndpoints(Statuses.endpoint("ep-1", "pc", "lab", false)).build();

    assertThat(EndpointTable.render(one, NOW)).contains("offline  never").endsWith("1 endpoint, 0 online\n");
  }

  @Test
  void render_none_hintsAtTokens() {
    assertThat(EndpointTable.render(ListEndpointsResponse.getDefaultInstance(), NOW))
        .startsWith("No endpoints enrolled yet.");
  }

  @Test
  void json_endpoints_listResponseDocument() throws Exception {
    String json = Json.pretty(two());

    assertThat(json).startsWith("{\n  \"endpoints\": [").contains("\"online\": false")
        .contains("\"lastSeen\": \"2026-11-29T11:59:48Z\"");
    ListEndpointsResponse.Builder parsed = ListEndpointsResponse.newBuilder();
    JsonFormat.parser().merge(json, parsed);
    assertThat(parsed.build()).isEqualTo(two());
  }

  private static Timestamp at(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build();
  }
}
