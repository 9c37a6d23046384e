package dev.convoy.server.inventory;

import static dev.convoy.server.testing.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.storage.rocksdb.RawRocks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** docs/inventory.md "Reports": full and delta reports over a real RocksDB. */
class InventoryReportsTest extends WithInventoryFixture {
  static final String EP = "ep-00000000000000a1";
  static final Map<String, Object> F1 = Map.of(
      "host.name", "pc-1", "os.family", "debian", "os.version", "12", "hardware.memory_gb", 7.6,
      "hardware.cpu.cores", 4L, "software.vim.version", "2:9.0.1378-2", "software[\"g++\"].version", "4:12.2.0-3",
      "users.logged_in[0]", "alice", "users.logged_in[1]", "bob", "facts.kiosk", false);

  static Map<String, Object> f2() {
    Map<String, Object> f2 = new TreeMap<>(F1);
    f2.put("software.libreoffice.version", "4:7.6.4-1");   // added
    f2.put("hardware.memory_gb", 15.5);                    // changed
    f2.remove("users.logged_in[1]");                        // removed
    return f2;
  }

  @Test
  void report_fullThenDelta_storedViewIsExactlyTheAgents() {
    ReportOutcome first = fx.reportFull(EP, F1);
    assertThat(first.applied()).isTrue();
    assertThat(first.serverSha256()).isEqualTo(fx.sha(F1));
    assertThat(fx.stored(EP)).isEqualTo(new TreeMap<>(F1));

    ReportOutcome second = fx.service.report(fx.delta(EP, F1, f2(), "install"));

    assertThat(second.applied()).isTrue();
    assertThat(second.fullReportRequired()).isFalse();
    assertThat(second.changes()).isEqualTo(3);
    assertThat(second.serverSha256()).isEqualTo(fx.sha(f2()));
    assertThat(fx.stored(EP)).isEqualTo(new TreeMap<>(f2()));
    assertThat(fx.service.inventory(EP).orElseThrow().meta().sha256()).isEqualTo(fx.sha(f2()));
    assertThat(fx.service.inventory(EP).orElseThrow().meta().factCount()).isEqualTo(f2().size());
    assertThat(fx.store.entryCount("users.logged_in", false)).isEqualTo(1);
    assertThat(fx.store.entryCount("software", true)).isEqualTo(3);
  }

  @Test
  void report_deltaWithoutAnyStoredInventory_fullReportRequiredAndNothingStored() {
    ReportOutcome outcome = fx.service.report(fx.delta(EP, F1, f2(), "schedule"));

    assertThat(outcome.applied()).isFalse();
    assertThat(outcome.fullReportRequired()).isTrue();
    assertThat(outcome.serverSha256()).isEmpty();
    assertThat(fx.service.inventory(EP)).isEmpty();
    assertThat(fx.store.entryCount("os.family", false)).isZero();
  }

  @Test
  void report_deltaOnStaleBase_fullReportRequiredAndNothingChanged() {
    fx.reportFull(EP, F1);
    StoredInventory before = fx.service.inventory(EP).orElseThrow();
    Map<String, Object> agentBelieves = new TreeMap<>(F1);
    agentBelieves.put("os.version", "11");

    ReportOutcome outcome = fx.service.report(fx.delta(EP, agentBelieves, f2(), "schedule"));

    assertThat(outcome.fullReportRequired()).isTrue();
    assertThat(outcome.serverSha256()).isEqualTo(fx.sha(F1));
    assertThat(fx.service.inventory(EP).orElseThrow()).isEqualTo(before);
    assertThat(fx.service.history(EP, null, 0)).isEmpty();
  }

  @Test
  void report_corruptedServerView_deltaRefusedByHashThenFullReportRepairsIt() {
    fx.reportFull(EP, F1);
    fx.clock.advance(Duration.ofMinutes(1));
    RawRocks.overwriteFactRow(fx.storage, EP, "os.family", "os.family", "corrupted");
    RawRocks.overwriteFactRow(fx.storage, EP, "users.logged_in[1]", "users.logged_in", "mallory");
    StoredInventory corrupted = fx.service.inventory(EP).orElseThrow();
    assertThat(corrupted.facts()).containsEntry("os.family", "corrupted");

    ReportOutcome delta = fx.service.report(fx.delta(EP, F1, f2(), "schedule"));

    assertThat(delta.applied()).isFalse();
    assertThat(delta.fullReportRequired()).isTrue();
    assertThat(fx.service.inventory(EP).orElseThrow()).isEqualTo(corrupted);

    ReportOutcome full = fx.service.report(InventoryReport.full(EP, f2(), fx.sha(f2()), "resync"));

    assertThat(full.applied()).isTrue();
    assertThat(fx.stored(EP)).isEqualTo(new TreeMap<>(f2()));
    assertThat(fx.service.inventory(EP).orElseThrow().meta().sha256()).isEqualTo(fx.sha(f2()));
    assertThat(fx.service.query("os.family = \"debian\"", List.of(), 0).total()).isEqualTo(1);
    assertThat(fx.service.query("os.family = \"corrupted\"", List.of(), 0).total()).isZero();
    assertThat(fx.service.history(EP, null, 0)).extracting(FactChange::path, FactChange::kind)
        .contains(org.assertj.core.groups.Tuple.tuple("os.family", ChangeKind.CHANGED));
  }

  @Test
  void report_fullWhoseHashDoesNotMatchItsFacts_invalidArgumentAndNothingChanged() {
    fx.reportFull(EP, F1);
    StoredInventory before = fx.service.inventory(EP).orElseThrow();

    String message = assertCode(() -> fx.service.report(InventoryReport.full(EP, f2(), fx.sha(F1), "connect")),
        ErrorCode.INVALID_ARGUMENT);

    assertThat(message).isEqualTo("inventory_sha256: " + fx.sha(F1) + " does not match the reported facts"
        + " (expected: their canonical hash " + fx.sha(f2()) + ")");
    assertThat(fx.service.inventory(EP).orElseThrow()).isEqualTo(before);
  }

  @Test
  void history_recordsAddedChangedRemovedWithOldAndNewValues_newestFirst() {
    fx.reportFull(EP, F1);
    assertThat(fx.service.history(EP, null, 0)).as("a first inventory is the baseline").isEmpty();
    fx.clock.advance(Duration.ofHours(1));
    var firstChange = fx.clock.instant();
    fx.service.report(fx.delta(EP, F1, f2(), "install"));
    fx.clock.advance(Duration.ofHours(1));
    Map<String, Object> f3 = new TreeMap<>(f2());
    f3.put("os.version", "13");
    fx.service.report(fx.delta(EP, f2(), f3, "schedule"));

    List<FactChange> history = fx.service.history(EP, null, 0);

    assertThat(history).containsExactly(
        new FactChange(fx.clock.instant(), "os.version", ChangeKind.CHANGED, "12", "13", "schedule"),
        new FactChange(firstChange, "users.logged_in[1]", ChangeKind.REMOVED, "bob", null, "install"),
        new FactChange(firstChange, "software.libreoffice.version", ChangeKind.ADDED, null, "4:7.6.4-1", "install"),
        new FactChange(firstChange, "hardware.memory_gb", ChangeKind.CHANGED, 7.6, 15.5, "install"));
    assertThat(fx.service.history(EP, fx.clock.instant(), 0)).hasSize(1);
    assertThat(fx.service.history(EP, null, 2)).containsExactlyElementsOf(history.subList(0, 2));
  }

  @Test
  void history_volatileFactsAndRetention_uptimeNotRecordedAndOldestDropped() {
    fx.close();
    fx = new InventoryFixture(dir, fx.clock, InventoryConfig.defaults().withMaxHistoryPerEndpoint(3));
    Map<String, Object> facts = new TreeMap<>(F1);
    facts.put("os.uptime_s", 10L);
    fx.reportFull(EP, facts);
    for (int i = 1; i <= 4; i++) {
      fx.clock.advance(Duration.ofMinutes(1));
      Map<String, Object> next = new TreeMap<>(facts);
      next.put("os.uptime_s", 10L + i * 60);
      next.put("facts.counter", (long) i);
      fx.service.report(fx.delta(EP, facts, next, "schedule"));
      facts = next;
    }

    List<FactChange> history = fx.service.history(EP, null, 0);

    assertThat(history).extracting(FactChange::path).containsOnly("facts.counter");
    assertThat(history).extracting(FactChange::newValue).containsExactly(4L, 3L, 2L);
    assertThat(fx.stored(EP)).containsEntry("os.uptime_s", 250L);
    assertThat(fx.service.inventory(EP).orElseThrow().meta().historyCount()).isEqualTo(3);
  }

  @Test
  void report_emptyDelta_confirmsWithoutChangingUpdatedAt() {
    fx.reportFull(EP, F1);
    var updatedAt = fx.service.inventory(EP).orElseThrow().meta().updatedAt();
    fx.clock.advance(Duration.ofHours(4));

    ReportOutcome outcome = fx.service.report(fx.delta(EP, F1, F1, "schedule"));

    assertThat(outcome.applied()).isTrue();
    assertThat(outcome.changes()).isZero();
    InventoryMeta meta = fx.service.inventory(EP).orElseThrow().meta();
    assertThat(meta.updatedAt()).isEqualTo(updatedAt);
    assertThat(meta.reportedAt()).isEqualTo(fx.clock.instant());
  }

  @Test
  void reopen_afterReports_sameInventoryHistoryAndQueries() {
    fx.reportFull(EP, F1);
    fx.service.report(fx.delta(EP, F1, f2(), "install"));
    StoredInventory inventory = fx.service.inventory(EP).orElseThrow();
    List<FactChange> history = fx.service.history(EP, null, 0);
    QueryResult query = fx.service.query("software.libreoffice.version >= \"7.6\"", List.of("host.name"), 0);

    fx.reopen();

    assertThat(fx.service.inventory(EP)).contains(inventory);
    assertThat(fx.service.history(EP, null, 0)).isEqualTo(history);
    assertThat(fx.service.query("software.libreoffice.version >= \"7.6\"", List.of("host.name"), 0))
        .isEqualTo(query);
    assertThat(query.total()).isEqualTo(1);
    assertThat(fx.service.report(fx.delta(EP, f2(), F1, "uninstall")).applied()).isTrue();
  }

  @Test
  void refresh_namedAndAll_countsRequestedAndOffline() {
    fx.enroll("ep-00000000000000a1", "lab");
    fx.enroll("ep-00000000000000a2", "lab");

    assertThat(fx.service.refresh(List.of("ep-00000000000000a1", "ep-00000000000000a2"), false))
        .isEqualTo(new RefreshResult(1, 1));
    assertThat(fx.service.refresh(List.of(), true)).isEqualTo(new RefreshResult(1, 1));
    assertThat(assertCode(() -> fx.service.refresh(List.of("ep-00000000000000ff"), false), ErrorCode.NOT_FOUND))
        .isEqualTo("endpoint_ids: ep-00000000000000ff is not an enrolled endpoint");
    assertCode(() -> fx.service.refresh(List.of(), false), ErrorCode.INVALID_ARGUMENT);
  }
}
