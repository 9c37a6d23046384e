package dev.convoy.agent.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.agent.grpc.ProtoInventoryHasher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What each report carries, against a channel that answers as the server does (docs/inventory.md), with the real
 * canonical hash.
 */
class InventoryReporterTest {
  private static final InventorySummary SUMMARY = new InventorySummary("ws-1", "Debian", "12", "amd64", "0.1.0", List.of());
  private final ProtoInventoryHasher hasher = new ProtoInventoryHasher();
  private final TreeMap<String, FactValue> facts = new TreeMap<>();
  private final List<InventoryReport> sent = new ArrayList<>();
  private final Deque<InventoryAck> scriptedAcks = new ArrayDeque<>();
  private InventoryReporter reporter;

  @BeforeEach
  void setUp() {
    facts.put("os.id", FactValue.text("debian"));
    facts.put("os.version", FactValue.text("12"));
    facts.put("software.vim.version", FactValue.text("2:9.0.1378-2"));
    reporter = new InventoryReporter(this::collect, hasher, report -> {
      sent.add(report);
      return scriptedAcks.isEmpty() ? new InventoryAck(false, report.inventorySha256()) : scriptedAcks.poll();
    });
  }

  private CollectedInventory collect() {
    return new CollectedInventory(inventory(facts), SUMMARY, Instant.parse("2026-11-29T10:00:00Z"));
  }

  private static Inventory inventory(Map<String, FactValue> facts) {
    Inventory.Builder builder = Inventory.builder();
    facts.forEach((path, value) -> builder.put(FactPath.parse(path), value));
    return builder.build();
  }

  private String currentHash() {
    return hasher.sha256(inventory(facts));
  }

  @Test
  void report_first_isFullWithEveryFactAndTheHash() {
    List<InventoryReport> reports = reporter.report(ReportReason.CONNECT);

    assertThat(reports).singleElement().satisfies(report -> {
      assertThat(report.reason()).isEqualTo(ReportReason.CONNECT);
      assertThat(report.body()).isEqualTo(new InventoryReport.Full(inventory(facts).facts()));
      assertThat(report.inventorySha256()).isEqualTo(currentHash()).hasSize(64);
      assertThat(report.summary()).isEqualTo(SUMMARY);
    });
    assertThat(reporter.acknowledgedSha256()).isEqualTo(currentHash());
  }

  @Test
  void report_afterChanges_isADeltaWithExactlyTheChangedAndRemovedFacts() {
    reporter.report(ReportReason.CONNECT);
    String base = currentHash();
    facts.put("os.version", FactValue.text("13"));
    facts.put("software[\"g++\"].version", FactValue.text("4:12.2.0-3"));
    facts.remove("software.vim.version");

    InventoryReport report = reporter.report(ReportReason.SCHEDULE).get(0);

    assertThat(report.body()).isEqualTo(new InventoryReport.Delta(base,
        List.of(new Fact("os.version", FactValue.text("13")), new Fact("software[\"g++\"].version", FactValue.text("4:12.2.0-3"))),
        List.of("software.vim.version")));
    assertThat(report.inventorySha256()).isEqualTo(currentHash()).isNotEqualTo(base);
    assertThat(reporter.acknowledgedSha256()).isEqualTo(currentHash());
  }

  @Test
  void ackWithFullReportRequired_sendsAFullReportAtOnce() {
    reporter.report(ReportReason.CONNECT);
    facts.put("facts.site", FactValue.text("paris"));
    scriptedAcks.add(new InventoryAck(true, "0".repeat(64)));

    List<InventoryReport> reports = reporter.report(ReportReason.INSTALL);

    assertThat(reports).extracting(r -> r.reason() + " " + (r.full() ? "full" : "delta"))
        .containsExactly("INSTALL delta", "RESYNC full");
    assertThat(reports.get(1).body().factCount()).isEqualTo(facts.size());
    assertThat(reports.get(1).inventorySha256()).isEqualTo(reports.get(0).inventorySha256());
    assertThat(reporter.acknowledgedSha256()).isEqualTo(currentHash());
  }

  @Test
  void ackNamingAnotherHash_isTreatedLikeFullReportRequired() {
    reporter.report(ReportReason.CONNECT);
    scriptedAcks.add(new InventoryAck(false, "f".repeat(64)));

    assertThat(reporter.report(ReportReason.SCHEDULE)).extracting(InventoryReport::reason)
        .containsExactly(ReportReason.SCHEDULE, ReportReason.RESYNC);
  }

  @Test
  void fullReportRefusedToo_nothingCountsAsAcknowledged_soTheNextReportIsFull() {
    scriptedAcks.add(new InventoryAck(true, ""));
    scriptedAcks.add(new InventoryAck(true, ""));

    assertThat(reporter.report(ReportReason.CONNECT)).hasSize(2);
    assertThat(reporter.acknowledgedSha256()).isNull();
    assertThat(reporter.report(ReportReason.SCHEDULE)).singleElement().satisfies(r -> assertThat(r.full()).isTrue());
  }

  @Test
  void schedule_noChange_sendsAnEmptyDeltaConfirmingTheSameHash() {
    String first = reporter.report(ReportReason.CONNECT).get(0).inventorySha256();

    InventoryReport report = reporter.report(ReportReason.SCHEDULE).get(0);

    assertThat(report.body()).isEqualTo(new InventoryReport.Delta(first, List.of(), List.of()));
    assertThat(report.inventorySha256()).isEqualTo(first);
  }

  @Test
  void install_noChange_sendsNothing() {
    reporter.report(ReportReason.CONNECT);

    assertThat(reporter.report(ReportReason.INSTALL)).isEmpty();
    assertThat(reporter.report(ReportReason.UNINSTALL)).isEmpty();
    assertThat(sent).hasSize(1);
  }

  @Test
  void install_afterTheReleaseAppears_carriesReasonInstall() {
    reporter.report(ReportReason.CONNECT);
    facts.put("convoy.releases.hello.version", FactValue.text("1.0.0"));
    facts.put("convoy.releases.hello.state", FactValue.text("installed"));

    InventoryReport report = reporter.report(ReportReason.INSTALL).get(0);

    assertThat(report.reason()).isEqualTo(ReportReason.INSTALL);
    assertThat(report.reason().wireName()).isEqualTo("install");
    assertThat(((InventoryReport.Delta) report.body()).set()).extracting(Fact::path)
        .containsExactly("convoy.releases.hello.state", "convoy.releases.hello.version");
  }

  @Test
  void serverRequest_isAlwaysFull() {
    reporter.report(ReportReason.CONNECT);

    InventoryReport report = reporter.report(ReportReason.SERVER_REQUEST).get(0);

    assertThat(report.full()).isTrue();
    assertThat(report.reason().wireName()).isEqualTo("server-request");
  }

  @Test
  void failedCall_keepsTheAcknowledgedState_theNextDeltaStillUsesTheOldBase() {
    reporter.report(ReportReason.CONNECT);
    String base = currentHash();
    facts.put("os.version", FactValue.text("13"));
    InventoryReporter failing = new InventoryReporter(this::collect, hasher, report -> {
      throw new IllegalStateException("UNAVAILABLE");
    });
    assertThatThrownBy(() -> failing.report(ReportReason.CONNECT)).hasMessage("UNAVAILABLE");
    assertThat(failing.acknowledgedSha256()).isNull();

    InventoryReport next = reporter.report(ReportReason.SCHEDULE).get(0);

    assertThat(((InventoryReport.Delta) next.body()).baseSha256()).isEqualTo(base);
  }

  @Test
  void reconnect_ofTheSameProcess_sendsADeltaNotAFullReport() {
    reporter.report(ReportReason.CONNECT);

    assertThat(reporter.report(ReportReason.CONNECT).get(0).full()).isFalse();
    assertThat(new InventoryReporter(this::collect, hasher, r -> new InventoryAck(false, ""))
        .report(ReportReason.CONNECT).get(0).full()).as("a new process starts with a full report").isTrue();
  }
}
