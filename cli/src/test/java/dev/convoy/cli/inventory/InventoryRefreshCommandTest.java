package dev.convoy.cli.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.cli.testing.Inventories;
import dev.convoy.protocol.v1.RefreshInventoryRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InventoryRefreshCommandTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @BeforeEach
  void endpoints() {
    Inventories.install(admin.service());
  }

  @Test
  void refresh_ids_asksThemAndNamesTheOffline() {
    Result result = admin.run("inventory", "refresh", "ep-1", "ep-3");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(admin.service().inventory.requests).containsExactly(
        RefreshInventoryRequest.newBuilder().addEndpointIds("ep-1").addEndpointIds("ep-3").build());
    assertThat(result.out()).isEqualTo("""
        Asked 1 endpoint for a full inventory report.
        1 named endpoint is offline: it reports when it reconnects.
        """);
  }

  @Test
  void refresh_all_asksEveryOnlineEndpoint() {
    Result result = admin.run("inventory", "refresh", "--all");

    assertThat(admin.service().inventory.requests)
        .containsExactly(RefreshInventoryRequest.newBuilder().setAll(true).build());
    assertThat(result.out()).isEqualTo("Asked 2 endpoints for a full inventory report.\n");
  }

  @Test
  void refresh_json_responseMessage() {
    Result result = admin.run("inventory", "refresh", "ep-3", "-o", "json");

    assertThat(result.out()).isEqualTo("""
        {
          "requested": 0,
          "offline": 1
        }
        """);
  }

  @Test
  void refresh_csv_oneRecord() {
    Result result = admin.run("inventory", "refresh", "ep-1", "ep-2", "-o", "csv");

    assertThat(result.out()).isEqualTo("requested,offline\r\n2,0\r\n");
  }

  @Test
  void refresh_neitherIdsNorAll_usageError() {
    Result result = admin.run("inventory", "refresh");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: no endpoints (expected: one or more ENDPOINT ids, or --all)\n");
    assertThat(admin.connections).isEmpty();
  }

  @Test
  void refresh_idsAndAll_usageError() {
    Result result = admin.run("inventory", "refresh", "ep-1", "--all");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: --all with ENDPOINT ids [ep-1] (expected: either ids or --all)\n");
    assertThat(admin.connections).isEmpty();
  }

  @Test
  void refresh_unknownEndpoint_serverErrorExit1() {
    Result result = admin.run("inventory", "refresh", "ep-404");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).isEqualTo("error: NOT_FOUND: endpoint ep-404 not found\n");
  }
}
