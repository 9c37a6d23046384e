package dev.convoy.server.inventory;

import dev.convoy.inventory.InventoryDigest;
import static dev.convoy.server.testing.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.endpoint.Inventory;
import dev.convoy.server.endpoint.Presence;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.storage.rocksdb.RawRocks;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** docs/inventory.md "Reports" with digests: digest deltas, old hash-only agents, and the one synced commit. */
class InventoryDigestReportsTest extends WithInventoryFixture {
  static final String EP = InventoryReportsTest.EP;
  static final Map<String, Object> F1 = InventoryReportsTest.F1;
  static final Inventory NO_LEGACY = new Inventory("", "", "", "", "", List.of(), null);

  @Test
  void report_randomDigestDeltas_serverFollowsTheAgentExactly() {
    Random random = new Random(42);
    TreeMap<String, Object> agent = new TreeMap<>(F1);
    assertThat(fx.service.report(fx.digestFull(EP, agent)).serverDigest()).isEqualTo(fx.digest(agent));
    for (int step = 0; step < 60; step++) {
      TreeMap<String, Object> next = new TreeMap<>(agent);
      for (int i = random.nextInt(4); i >= 0; i--) {
        String path = "software.p" + random.nextInt(12) + ".version";
        if (next.containsKey(path) && random.nextInt(3) == 0) {
          next.remove(path);
        } else {
          next.put(path, randomValue(random));
        }
      }
      next.put("hardware.memory_gb", random.nextInt(64) / 4.0); // a value-only change in most steps

      ReportOutcome outcome = fx.service.report(fx.digestDelta(EP, agent, next, "schedule"));

      assertThat(outcome.applied()).as("step %d", step).isTrue();
      assertThat(outcome.serverDigest()).isEqualTo(fx.digest(next));
      assertThat(outcome.serverSha256()).isEmpty();
      agent = next;
    }
    StoredInventory stored = fx.service.inventory(EP).orElseThrow();
    assertThat(stored.facts()).isEqualTo(agent);
    assertThat(stored.meta().factCount()).isEqualTo(agent.size());
    assertThat(stored.meta().digest()).isEqualTo(InventoryDigest.of(stored.facts()).hex());
    assertThat(fx.store.entryCount("software", true)).isEqualTo(agent.subMap("software", "softwarf").size());
  }

  @Test
  void report_valueOnlyDigestDelta_readsOnlyWhatItTouches() {
    Map<String, Object> big = new TreeMap<>(F1);
    for (int i = 0; i < 3000; i++) {
      big.put("software.p" + i + ".version", "1." + i);
    }
    fx.service.report(fx.digestFull(EP, big));
    Map<String, Object> next = new TreeMap<>(big);
    next.put("software.p7.version", "2.0");
    fx.store.reset();

    ReportOutcome outcome = fx.service.report(fx.digestDelta(EP, big, next, "schedule"));

    assertThat(outcome.applied()).isTrue();
    assertThat(fx.store.reads()).isLessThan(10);
    assertThat(fx.stored(EP)).isEqualTo(next);
  }

  @Test
  void report_digestDeltaWithAnotherDigest_fullReportRequiredAndNothingChanged() {
    fx.service.report(fx.digestFull(EP, F1));
    Map<String, Object> f2 = InventoryReportsTest.f2();
    InventoryReport right = fx.digestDelta(EP, F1, f2, "install");
    InventoryReport wrong = new InventoryReport(EP, "", "install", right.body(), fx.digest(Map.of("x", 1L)));

    ReportOutcome outcome = fx.service.report(wrong);

    assertThat(outcome.applied()).isFalse();
    assertThat(outcome.fullReportRequired()).isTrue();
    assertThat(outcome.serverDigest()).isEqualTo(fx.digest(F1));
    assertThat(fx.stored(EP)).isEqualTo(new TreeMap<>(F1));
    assertThat(fx.service.report(right).applied()).isTrue();
  }

  @Test
  void report_digestDeltaOnStaleBase_fullReportRequired() {
    fx.service.report(fx.digestFull(EP, F1));

    ReportOutcome outcome = fx.service.report(fx.digestDelta(EP, Map.of("os.family", "debian"), F1, "schedule"));

    assertThat(outcome.fullReportRequired()).isTrue();
    assertThat(fx.stored(EP)).isEqualTo(new TreeMap<>(F1));
  }

  @Test
  void report_hashOnlyAgent_stillAppliedAndTheDigestKeptForAnUpgradedAgent() {
    Map<String, Object> f2 = InventoryReportsTest.f2();
    assertThat(fx.reportFull(EP, F1).serverDigest()).isEqualTo(fx.digest(F1));

    ReportOutcome delta = fx.service.report(fx.delta(EP, F1, f2, "install"));

    assertThat(delta.applied()).isTrue();
    assertThat(delta.serverSha256()).isEqualTo(fx.sha(f2));
    assertThat(delta.serverDigest()).isEqualTo(fx.digest(f2));
    // the agent is upgraded: its first digest delta applies on what the hash reports left
    assertThat(fx.service.report(fx.digestDelta(EP, f2, F1, "schedule")).applied()).isTrue();
    // and an old agent after it has no hash base any more: it is asked for a full report
    assertThat(fx.service.report(fx.delta(EP, F1, f2, "schedule")).fullReportRequired()).isTrue();
  }

  @Test
  void report_metaWithoutDigest_digestDeltaAsksForAFullReport() {
    fx.reportFull(EP, F1);
    InventoryMeta meta = fx.service.inventory(EP).orElseThrow().meta();
    var changes = fx.storage.begin(); // as written before digests existed
    fx.store.putMeta(changes, EP, new InventoryMeta(meta.sha256(), meta.updatedAt(), meta.reportedAt(),
        meta.factCount(), meta.historySequence(), meta.historyCount(), ""));
    fx.storage.commit(changes);

    ReportOutcome outcome = fx.service.report(fx.digestDelta(EP, F1, InventoryReportsTest.f2(), "schedule"));

    assertThat(outcome.fullReportRequired()).isTrue();
    assertThat(fx.service.report(fx.digestFull(EP, F1)).serverDigest()).isEqualTo(fx.digest(F1));
  }

  @Test
  void report_connectDeltaOnADamagedStoredView_fullReportRequiredWhichRepairsIt() {
    fx.service.report(fx.digestFull(EP, F1));
    RawRocks.overwriteFactRow(fx.storage, EP, "os.family", "os.family", "arch");
    Map<String, Object> f2 = new TreeMap<>(F1);
    f2.put("hardware.memory_gb", 15.5);

    ReportOutcome connect = fx.service.report(fx.digestDelta(EP, F1, f2, "connect"));

    assertThat(connect.fullReportRequired()).isTrue();
    assertThat(fx.service.report(fx.digestFull(EP, f2)).applied()).isTrue();
    assertThat(fx.stored(EP)).isEqualTo(f2);
  }

  @Test
  void report_badDigests_invalidArgumentNamingTheField() {
    Map<String, Object> f2 = InventoryReportsTest.f2();
    InventoryReport full = InventoryReport.fullWithDigest(EP, F1, "", fx.digest(f2), "connect");
    assertThat(assertCode(() -> fx.service.report(full), ErrorCode.INVALID_ARGUMENT))
        .startsWith("inventory_digest: " + fx.digest(f2) + " does not match the reported facts");
    InventoryReport delta = fx.digestDelta(EP, F1, f2, "schedule");
    assertThat(assertCode(() -> fx.service.report(new InventoryReport(EP, fx.sha(f2), "", delta.body(),
        delta.inventoryDigest())), ErrorCode.INVALID_ARGUMENT)).startsWith("inventory_sha256: set in a delta");
    assertThat(assertCode(() -> fx.service.report(InventoryReport.digestDelta(EP, "", Map.of("a", 1L), List.of(),
        fx.digest(F1), "")), ErrorCode.INVALID_ARGUMENT)).startsWith("delta.base_digest: ");
    assertThat(fx.service.inventory(EP)).isEmpty();
  }

  @Test
  void report_commitFails_nothingWrittenNothingAcknowledged() {
    fx.service.report(fx.digestFull(EP, F1));
    Map<String, Object> f2 = InventoryReportsTest.f2();

    assertThatThrownBy(() -> fx.service.report(fx.digestDelta(EP, F1, f2, "install"), (changes, summary) -> {
      throw ConvoyException.notFound("endpoint_id: " + EP + " is not an enrolled endpoint");
    })).isInstanceOf(ConvoyException.class);

    assertThat(fx.stored(EP)).isEqualTo(new TreeMap<>(F1));
    assertThat(fx.service.inventory(EP).orElseThrow().meta().digest()).isEqualTo(fx.digest(F1));
    assertThat(fx.service.history(EP, null, 0)).isEmpty();
    assertThat(fx.service.report(fx.digestDelta(EP, F1, f2, "install")).applied()).isTrue();
  }

  @Test
  void report_storeClosed_throwsAndLosesNothingAcknowledged() {
    fx.service.report(fx.digestFull(EP, F1));
    fx.storage.close();

    assertThatThrownBy(() -> fx.service.report(fx.digestDelta(EP, F1, InventoryReportsTest.f2(), "install")))
        .isInstanceOf(ConvoyException.class);

    fx.reopen();
    assertThat(fx.stored(EP)).isEqualTo(new TreeMap<>(F1));
    assertThat(fx.service.inventory(EP).orElseThrow().meta().digest()).isEqualTo(fx.digest(F1));
  }

  @Test
  void report_withTheEndpointRecord_oneCommitCarriesBoth() {
    EndpointService endpoints = new EndpointService(fx.endpoints, fx.storage, new Presence(), fx.clock);
    fx.enroll(EP, "lab");
    Map<String, Object> f2 = new TreeMap<>(F1);
    f2.put("os.name", "Debian GNU/Linux 13");
    ReportCommit withRecord = (changes, summary) -> endpoints.recordInventory(EP, summary.over(NO_LEGACY), changes);
    fx.service.report(fx.digestFull(EP, F1), withRecord);

    fx.service.report(fx.digestDelta(EP, F1, f2, "schedule"), withRecord);
    fx.reopen();

    Endpoint endpoint = fx.endpoints.find(EP).orElseThrow();
    assertThat(endpoint.os()).isEqualTo("Debian GNU/Linux 13");
    assertThat(endpoint.hostname()).isEqualTo("pc-1");
    assertThat(fx.stored(EP)).isEqualTo(f2);
  }

  @Test
  void report_endpointNotEnrolled_notFoundAndNoInventoryWritten() {
    EndpointService endpoints = new EndpointService(fx.endpoints, fx.storage, new Presence(), fx.clock);

    assertCode(() -> fx.service.report(fx.digestFull(EP, F1),
        (changes, summary) -> endpoints.recordInventory(EP, summary.over(NO_LEGACY), changes)), ErrorCode.NOT_FOUND);

    assertThat(fx.service.inventory(EP)).isEmpty();
    assertThat(fx.store.entryCount("os.family", false)).isZero();
  }

  private static Object randomValue(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> "v" + random.nextInt(5);
      case 1 -> (long) random.nextInt(5) - 2;
      case 2 -> random.nextInt(5) / 2.0;
      default -> random.nextBoolean();
    };
  }
}
