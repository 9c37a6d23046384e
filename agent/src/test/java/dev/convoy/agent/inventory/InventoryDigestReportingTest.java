package dev.convoy.agent.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.grpc.ProtoInventoryHasher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reports to a server that knows digests (docs/inventory.md "Inventory digest"): the channel keeps its own copy,
 * applies each report as the server does and answers with the digest of that copy, computed from scratch.
 */
class InventoryDigestReportingTest {
  private static final InventorySummary SUMMARY = new InventorySummary("ws-1", "Debian", "12", "amd64", "0.1.0",
      List.of());
  private final TreeMap<String, FactValue> facts = new TreeMap<>();
  private final TreeMap<String, FactValue> server = new TreeMap<>();
  private final List<InventoryReport> sent = new ArrayList<>();
  private boolean corruptNext;
  private InventoryReporter reporter;

  @BeforeEach
  void setUp() {
    facts.put("os.id", FactValue.text("debian"));
    facts.put("software.vim.version", FactValue.text("2:9.0.1378-2"));
    reporter = new InventoryReporter(() -> new CollectedInventory(InventoryDigestsTest.inventory(facts), SUMMARY,
        Instant.parse("2026-11-29T10:00:00Z")), new ProtoInventoryHasher(), this::apply);
  }

  /**
   * What the server does with a report (without its tree checks): a hash report (the agent's full ones) is checked
   * by its hash and answered with the hash and the digest of the copy, a digest report by its digest.
   */
  private InventoryAck apply(InventoryReport report) {
    sent.add(report);
    String held = InventoryDigests.of(InventoryDigestsTest.inventory(server)).hex();
    if (report.body() instanceof InventoryReport.Delta delta) {
      if (!delta.baseDigest().equals(held) || corruptNext) {
        corruptNext = false;
        return new InventoryAck(true, "", held);
      }
      delta.set().forEach(fact -> server.put(fact.path(), fact.value()));
      delta.removed().forEach(server::remove);
    } else {
      server.clear();
      ((InventoryReport.Full) report.body()).facts().forEach(fact -> server.put(fact.path(), fact.value()));
    }
    String digest = InventoryDigests.of(InventoryDigestsTest.inventory(server)).hex();
    if (report.inventoryDigest().isEmpty()) {
      String hash = new ProtoInventoryHasher().sha256(InventoryDigestsTest.inventory(server));
      return new InventoryAck(!hash.equals(report.inventorySha256()), hash, digest);
    }
    return new InventoryAck(!digest.equals(report.inventoryDigest()), "", digest);
  }

  @Test
  void report_afterAFullOne_digestDeltasWithoutAHash() {
    String first = InventoryDigests.of(InventoryDigestsTest.inventory(facts)).hex();
    reporter.report(ReportReason.CONNECT);
    facts.put("os.id", FactValue.text("ubuntu"));
    facts.remove("software.vim.version");
    facts.put("software.nano.version", FactValue.text("7.2"));

    InventoryReport delta = reporter.report(ReportReason.SCHEDULE).get(0);

    assertThat(sent.get(0).inventorySha256()).hasSize(64);
    assertThat(sent.get(0).inventoryDigest()).isEmpty(); // a full report: the server's digest is adopted
    assertThat(((InventoryReport.Delta) delta.body()).baseDigest()).isEqualTo(first);
    assertThat(delta.inventorySha256()).isEmpty();
    assertThat(delta.inventoryDigest()).isEqualTo(InventoryDigests.of(InventoryDigestsTest.inventory(facts)).hex());
    assertThat(((InventoryReport.Delta) delta.body()).baseSha256()).isEmpty();
    assertThat(server).isEqualTo(facts);
    assertThat(reporter.acknowledgedDigest()).isEqualTo(delta.inventoryDigest());
  }

  @Test
  void report_manyDeltas_serverCopyStaysEqual() {
    reporter.report(ReportReason.CONNECT);
    for (int i = 0; i < 20; i++) {
      facts.put("filesystems[\"/\"].free_bytes", FactValue.integer(1000L * i));
      if (i % 3 == 0) {
        facts.put("software.p" + i + ".version", FactValue.text("1." + i));
      }
      if (i % 5 == 4) {
        facts.remove("software.p" + (i - 4) + ".version");
      }
      assertThat(reporter.report(ReportReason.SCHEDULE)).singleElement()
          .satisfies(report -> assertThat(report.full()).isFalse());
      assertThat(server).isEqualTo(facts);
    }
  }

  @Test
  void report_serverDigestDiffers_fullReportAtOnceThenDeltasAgain() {
    reporter.report(ReportReason.CONNECT);
    facts.put("os.id", FactValue.text("ubuntu"));
    corruptNext = true;

    List<InventoryReport> reports = reporter.report(ReportReason.SCHEDULE);

    assertThat(reports).extracting(r -> r.reason() + " " + (r.full() ? "full" : "delta"))
        .containsExactly("SCHEDULE delta", "RESYNC full");
    assertThat(server).isEqualTo(facts);
    assertThat(reporter.acknowledgedDigest()).isEqualTo(InventoryDigests.of(InventoryDigestsTest.inventory(facts)).hex());
    facts.put("os.id", FactValue.text("debian"));
    assertThat(reporter.report(ReportReason.SCHEDULE).get(0).full()).isFalse();
  }

  @Test
  void report_fullReportAckedWithoutTheHash_serverDigestNotAdopted() {
    InventoryReporter lying = new InventoryReporter(() -> new CollectedInventory(InventoryDigestsTest.inventory(facts),
        SUMMARY, Instant.parse("2026-11-29T10:00:00Z")), new ProtoInventoryHasher(),
        report -> new InventoryAck(false, "", "1".repeat(64))); // a digest, but no hash to prove it

    lying.report(ReportReason.CONNECT);

    assertThat(lying.acknowledgedDigest()).isNull(); // not accepted: the next report is full again
  }
}
