package dev.convoy.server.inventory;

import static dev.convoy.server.testing.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.testing.MutableClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed reports are refused with INVALID_ARGUMENT naming the field, and change nothing that is stored. */
class ReportValidationTest {
  static final String EP = InventoryReportsTest.EP;
  static final Map<String, Object> F1 = InventoryReportsTest.F1;

  @TempDir Path dir;
  InventoryFixture fx;
  StoredInventory before;

  @BeforeEach
  void open() {
    fx = new InventoryFixture(dir, new MutableClock(), InventoryConfig.defaults().withMaxFacts(20));
    fx.reportFull(EP, F1);
    before = fx.service.inventory(EP).orElseThrow();
  }

  @AfterEach
  void close() {
    fx.close();
  }

  /** Reports a full inventory of F1 plus {@code extra}; asserts the refusal and that nothing changed. */
  private String refusedFull(Map<String, Object> extra) {
    Map<String, Object> facts = new HashMap<>(F1);
    facts.putAll(extra);
    List<Fact> list = new ArrayList<>();
    facts.forEach((path, value) -> list.add(new Fact(path, value)));
    return refused(new InventoryReport(EP, fx.sha(F1), "connect", new InventoryReport.Full(list)));
  }

  private String refused(InventoryReport report) {
    String message = assertCode(() -> fx.service.report(report), ErrorCode.INVALID_ARGUMENT);
    assertThat(fx.service.inventory(EP)).contains(before);
    assertThat(fx.service.history(EP, null, 0)).isEmpty();
    return message;
  }

  private static Map<String, Object> one(String path, Object value) {
    Map<String, Object> map = new HashMap<>();
    map.put(path, value);
    return map;
  }

  @Test
  void report_nonCanonicalPath_invalidArgumentNamingTheCanonicalForm() {
    assertThat(refusedFull(one("software[\"vim\"].arch", "amd64")))
        .matches("full\\.facts\\[\\d+\\]\\.path: 'software\\[\"vim\"\\]\\.arch' is not canonical"
            + " \\(expected: software\\.vim\\.arch\\)");
    assertThat(refusedFull(one("software.g++.version", "1"))).contains("is not a fact path (at column 11:");
    assertThat(refusedFull(one("software[*].version", "1"))).contains("(expected: a concrete path");
    assertThat(refusedFull(one("[0].x", "1"))).contains("(expected: a concrete path that starts with a name");
    assertThat(refusedFull(one("", "1"))).contains(".path: empty");
    assertThat(refusedFull(one("a" + ".b".repeat(300), "1"))).contains("601 characters (expected: at most 512)");
  }

  @Test
  void report_malformedValues_invalidArgumentNamingTheValue() {
    assertThat(refusedFull(one("facts.x", null))).endsWith(".value: not set (expected: text, integer, real or flag)");
    assertThat(refusedFull(one("facts.x", Double.NaN))).endsWith(".value: NaN (expected: a finite real)");
    assertThat(refusedFull(one("facts.x", "é".repeat(2049))))
        .endsWith(".value: 4098 bytes of text (expected: at most 4096)");
  }

  @Test
  void report_tooManyFacts_invalidArgumentNamingTheLimit() {
    Map<String, Object> many = new TreeMap<>();
    for (int i = 0; i < 15; i++) {
      many.put("facts.f" + i, (long) i);
    }
    assertThat(refusedFull(many)).isEqualTo("full.facts: 25 facts (expected: at most 20)");
    Map<String, Object> grown = new TreeMap<>(F1);
    grown.putAll(many);
    assertThat(refused(fx.delta(EP, F1, grown, "schedule")))
        .isEqualTo("delta: the inventory would hold 25 facts (expected: at most 20)");
  }

  @Test
  void report_inconsistentTree_invalidArgumentNamingThePath() {
    assertThat(refusedFull(one("os.family.name", "x")))
        .startsWith("full.facts: os.family");
    assertThat(refusedFull(one("users.logged_in[3]", "carol")))
        .isEqualTo("full.facts: users.logged_in[3] without users.logged_in[2] (expected: list positions 0 to n-1)");
    assertThat(refusedFull(one("users.logged_in.x", "carol"))).contains("conflicts with another fact");
  }

  @Test
  void report_duplicatePath_invalidArgument() {
    List<Fact> facts = List.of(new Fact("os.family", "debian"), new Fact("os.family", "arch"));
    assertThat(refused(new InventoryReport(EP, fx.sha(F1), "", new InventoryReport.Full(facts))))
        .isEqualTo("full.facts[1].path: 'os.family' appears twice (also full.facts[0])");
  }

  @Test
  void report_malformedDelta_invalidArgument() {
    String sha = fx.sha(F1);
    assertThat(refused(new InventoryReport(EP, sha, "", new InventoryReport.Delta("abc", List.of(), List.of()))))
        .isEqualTo("delta.base_sha256: 'abc' (expected: 64 lowercase hex digits)");
    assertThat(refused(new InventoryReport(EP, sha, "", new InventoryReport.Delta(sha,
        List.of(new Fact("os.family", "arch")), List.of("os.family")))))
        .isEqualTo("delta.removed[0]: 'os.family' is also in delta.set (expected: a path either set or removed)");
    assertThat(refused(new InventoryReport(EP, sha, "", new InventoryReport.Delta(sha, List.of(),
        List.of("software[\"vim\"].version"))))).startsWith("delta.removed[0]: ");
    Map<String, Object> gap = new TreeMap<>(F1);
    gap.remove("users.logged_in[0]");
    assertThat(refused(fx.delta(EP, F1, gap, "schedule")))
        .isEqualTo("inventory after delta: users.logged_in[1] without users.logged_in[0]"
            + " (expected: list positions 0 to n-1)");
  }

  @Test
  void report_malformedIdsAndHashes_invalidArgument() {
    assertThat(refused(new InventoryReport(EP, "XYZ", "", new InventoryReport.Full(List.of()))))
        .isEqualTo("inventory_sha256: 'XYZ' (expected: 64 lowercase hex digits)");
    assertThat(assertCode(() -> fx.service.report(InventoryReport.full("pc-1", F1, fx.sha(F1), "")),
        ErrorCode.INVALID_ARGUMENT)).startsWith("endpoint_id: 'pc-1'");
    assertThat(refused(new InventoryReport(EP, fx.sha(F1), "x".repeat(65), new InventoryReport.Full(List.of()))))
        .isEqualTo("reason: 65 characters (expected: at most 64)");
  }
}
