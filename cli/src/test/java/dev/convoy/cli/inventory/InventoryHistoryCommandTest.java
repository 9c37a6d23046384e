package dev.convoy.cli.inventory;

import static dev.convoy.cli.testing.InProcessAdmin.NOW;
import static dev.convoy.cli.testing.Inventories.change;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.cli.testing.Inventories;
import dev.convoy.protocol.v1.FactChangeKind;
import dev.convoy.protocol.v1.FactValue;
import dev.convoy.protocol.v1.GetInventoryHistoryRequest;
import dev.convoy.protocol.v1.InventoryHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InventoryHistoryCommandTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  private static FactValue text(String value) {
    return FactValue.newBuilder().setText(value).build();
  }

  @BeforeEach
  void history() {
    Inventories.install(admin.service());
    admin.service().inventory.histories.put("ep-1", List.of(
        change(NOW.minusSeconds(10 * 86_400), FactChangeKind.REMOVED, "hardware.memory_bytes",
            FactValue.newBuilder().setInteger(8_321_499_136L).build(), null, "full report"),
        change(NOW.minusSeconds(3600), FactChangeKind.CHANGED, "software.hello-convoy.version",
            text("1.0.0"), text("1.1.0"), "install hello-convoy@1.1.0"),
        change(NOW.minusSeconds(7200).plusMillis(250), FactChangeKind.ADDED, "facts.site",
            null, text("Poste de Zoé, 2ᵉ étage"), "scheduled, delta"),
        change(NOW.minusSeconds(7300), FactChangeKind.CHANGED, "facts.note",
            text("Écran \"4K\""), text("Écran \"4K\"\nprêté par la DSI"), "scheduled")));
  }

  @Test
  void history_table_newestFirstWithOldToNew() {
    Result result = admin.run("inventory", "history", "ep-1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("""
        TIME                  KIND     PATH                           CHANGE                                     REASON
        2026-11-29T11:00:00Z  CHANGED  software.hello-convoy.version  1.0.0 → 1.1.0                              install hello-convoy@1.1.0
        2026-11-29T10:00:00Z  ADDED    facts.site                     (none) → Poste de Zoé, 2ᵉ étage            scheduled, delta
        2026-11-29T09:58:20Z  CHANGED  facts.note                     Écran "4K" → Écran "4K"\\nprêté par la DSI  scheduled
        2026-11-19T12:00:00Z  REMOVED  hardware.memory_bytes          7.8 GiB → (none)                           full report
        4 changes, newest first
        """);
  }

  @Test
  void history_csv_rawValuesEmptyForTheMissingSide() {
    Result result = admin.run("inventory", "history", "ep-1", "--output", "csv");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(String.join("\r\n",
        "at,kind,path,old,new,reason",
        "2026-11-29T11:00:00Z,CHANGED,software.hello-convoy.version,1.0.0,1.1.0,install hello-convoy@1.1.0",
        "2026-11-29T10:00:00.250Z,ADDED,facts.site,,\"Poste de Zoé, 2ᵉ étage\",\"scheduled, delta\"",
        "2026-11-29T09:58:20Z,CHANGED,facts.note,\"Écran \"\"4K\"\"\",\"Écran \"\"4K\"\"\nprêté par la DSI\",scheduled",
        "2026-11-19T12:00:00Z,REMOVED,hardware.memory_bytes,8321499136,,full report",
        ""));
  }

  @Test
  void history_json_responseMessage() throws Exception {
    Result result = admin.run("inventory", "history", "ep-1", "-o", "json", "--limit", "1");

    assertThat(result.out()).isEqualTo("""
        {
          "endpointId": "ep-1",
          "changes": [{
            "at": "2026-11-29T11:00:00Z",
            "path": "software.hello-convoy.version",
            "kind": "CHANGED",
            "oldValue": {
              "text": "1.0.0"
            },
            "newValue": {
              "text": "1.1.0"
            },
            "reason": "install hello-convoy@1.1.0"
          }]
        }
        """);
    InventoryHistory.Builder parsed = InventoryHistory.newBuilder();
    JsonFormat.parser().merge(result.out(), parsed);
    assertThat(parsed.getChangesCount()).isEqualTo(1);
  }

  @Test
  void history_sinceAge_sentAsInstantBeforeNow() {
    Result result = admin.run("inventory", "history", "ep-1", "--since", "3h");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(admin.service().inventory.requests).containsExactly(GetInventoryHistoryRequest.newBuilder()
        .setEndpointId("ep-1").setSince(Inventories.at(NOW.minusSeconds(3 * 3600))).build());
    assertThat(result.out()).contains("3 changes, newest first").doesNotContain("memory_bytes");
  }

  @Test
  void history_sinceInstantAndLimit_sentAsGiven() {
    admin.run("inventory", "history", "ep-1", "--since", "2026-11-01T00:00:00Z", "--limit", "50");

    assertThat(admin.service().inventory.requests).containsExactly(GetInventoryHistoryRequest.newBuilder()
        .setEndpointId("ep-1").setSince(Inventories.at(Instant.parse("2026-11-01T00:00:00Z"))).setLimit(50)
        .build());
  }

  @Test
  void history_fullPage_saysOlderChangesMayExist() {
    Result result = admin.run("inventory", "history", "ep-1", "--limit", "2");

    assertThat(result.out()).endsWith(
        "2 changes, newest first; older ones may exist (use --limit or --since)\n");
  }

  @Test
  void history_serverDefaultPageFull_saysOlderChangesMayExist() {
    List<dev.convoy.protocol.v1.InventoryChange> many = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      many.add(change(NOW.minusSeconds(i), FactChangeKind.CHANGED, "os.uptime_s",
          FactValue.newBuilder().setInteger(i).build(), FactValue.newBuilder().setInteger(i + 1).build(), "s"));
    }
    admin.service().inventory.histories.put("ep-2", many);

    Result result = admin.run("inventory", "history", "ep-2");

    assertThat(result.out()).endsWith("500 changes, newest first; older ones may exist (use --limit or --since)\n");
  }

  @Test
  void history_none_saysSo() {
    Result result = admin.run("inventory", "history", "ep-3");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("No inventory changes recorded for ep-3.\n");
  }

  @Test
  void history_malformedSince_usageErrorBeforeConnecting() {
    Result result = admin.run("inventory", "history", "ep-1", "--since", "last week");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: --since: 'last week' (expected: an ISO-8601 instant such as "
        + "2026-11-01T00:00:00Z, a date such as 2026-11-01, or an age such as 7d, 12h or 30m)\n");
    assertThat(admin.connections).isEmpty();
  }

  @Test
  void history_unknownEndpoint_serverErrorExit1() {
    Result result = admin.run("inventory", "history", "ep-404");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).isEqualTo("error: NOT_FOUND: endpoint ep-404 not found\n");
  }
}
