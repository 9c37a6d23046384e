package dev.convoy.server.inventory;

import static dev.convoy.server.testing.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.inventory.query.InventoryDocument;
import dev.convoy.server.inventory.query.Query;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The planner answers exactly what evaluating every endpoint's whole inventory answers, over a generated fleet, and
 * reads fewer entries when the query has a selective indexed predicate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlannerTest {
  static final int ENDPOINTS = 300;

  InventoryFixture fx;
  final Map<String, SortedMap<String, Object>> fleet = new TreeMap<>();

  @BeforeAll
  void load(@TempDir Path dir) throws Exception {
    fx = new InventoryFixture(dir);
    Random random = new Random(6);
    for (int i = 0; i < ENDPOINTS; i++) {
      fleet.put(Fleet.endpointId(i), Fleet.inventory(i, random));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ReportOutcome>> outcomes = new ArrayList<>();
      fleet.forEach((id, facts) -> outcomes.add(pool.submit(() -> fx.reportFull(id, facts))));
      for (Future<ReportOutcome> outcome : outcomes) {
        assertThat(outcome.get().applied()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }

  @AfterAll
  void close() {
    fx.close();
  }

  private List<String> bruteForce(Query query) {
    List<String> ids = new ArrayList<>();
    fleet.forEach((id, facts) -> {
      if (query.matches(InventoryDocument.fromFlattened(facts))) {
        ids.add(id);
      }
    });
    return ids;
  }

  private static List<String> ids(QueryResult result) {
    return result.matches().stream().map(QueryResult.Match::endpointId).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "os.family = \"debian\"",
      "os.family = \"debian\" and hardware.memory_gb < 8",
      "os.family = \"debian\" and hardware.memory_gb < 8 and software[\"libreoffice\"].version < \"7.6\"",
      "software.libreoffice exists",
      "software.libreoffice not exists",
      "not software[\"g++\"] exists and os.family != \"arch\"",
      "software[\"g++\"].version >= \"12\"",
      "hardware.memory_gb >= 16 or os.family = \"rhel\"",
      "users.logged_in = \"alice\"",
      "users.logged_in != \"dave\"",
      "network.interfaces.eth0.ipv4 ~ \"10.0.1.*\"",
      "network.interfaces[*].mac ~ \"a4:*\"",
      "software[*].source = \"convoy\" and os.version = 12",
      "facts.site in [\"paris\", \"lyon\"]",
      "facts.site not in [\"paris\", \"lyon\"]",
      "facts.kiosk = true",
      "not facts.kiosk = true",
      "facts.tags = \"lab\" and os.family = \"debian\"",
      "convoy.releases.hello.state = \"installed\" and software.hello.version < \"7.6\"",
      "hardware.cpu.cores > 4 and hardware.cpu.cores <= 8",
      "os.name ~ \"*bookworm*\"",
      "filesystems[\"/home\"].free_bytes < 8000000000",
      "filesystems exists",
      "software.vim exists and software.vim-tiny not exists",
      "(os.family = \"debian\" or os.family = \"arch\") and hardware.memory_gb > 4",
      "host.name ~ \"pc-1*\"",
      "software[\"libreoffice\"].version = \"7.6\"",
      "users.logged_in[0] = \"alice\"",
      "hardware exists and not os.family = \"debian\"",
      "os.family = \"nope\"",
      "missing.path > 3 or facts.tags[2] exists",
      "software.libreoffice-core.version > \"7.5\" and software.libreoffice.version < 7.6",
      "software.curl exists and not software.curl.source = \"convoy\"",
      "software.vim exists and os.family = \"rhel\"",
      "facts.disks exists and facts.disks[\"/dev/sda\"].size_gb > 500",
      "facts.disks[*].size_gb < 100"})
  void query_anyQuery_sameAnswerAsEvaluatingEveryWholeInventory(String text) {
    Query query = Query.parse(text);
    List<String> expected = bruteForce(query);

    QueryResult planned = fx.service.query(query, true, InventoryService.MAX_QUERY_LIMIT);
    QueryResult scanned = fx.service.query(query, false, InventoryService.MAX_QUERY_LIMIT);

    assertThat(ids(planned)).as("planned: %s", planned.plan()).isEqualTo(expected);
    assertThat(ids(scanned)).isEqualTo(expected);
    assertThat(planned.total()).isEqualTo(expected.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "os.family = \"arch\"",
      "os.family = \"debian\" and hardware.memory_gb < 8 and software[\"libreoffice\"].version < \"7.6\"",
      "users.logged_in = \"dave\"",
      "facts.kiosk = true and os.family = \"debian\"",
      "software[\"g++\"].version >= \"12\""})
  void query_selectiveIndexedPredicate_readsFewerEntriesThanAScan(String text) {
    Query query = Query.parse(text);
    fx.store.reset();
    QueryResult planned = fx.service.query(query, true, 10);
    long plannedReads = fx.store.reads();
    fx.store.reset();
    QueryResult scanned = fx.service.query(query, false, 10);
    long scannedReads = fx.store.reads();

    assertThat(planned.plan()).startsWith("index ");
    assertThat(scanned.plan()).startsWith("scan");
    assertThat(planned.total()).isEqualTo(scanned.total()).isPositive();
    assertThat(planned.candidates()).isLessThan(ENDPOINTS);
    assertThat(plannedReads).as("entries read with the index (%s) vs scan", planned.plan())
        .isLessThan(scannedReads);
  }

  @Test
  void plan_severalIndexedPredicates_startsFromTheKeyWithFewestEntriesAndIntersectsSmallOnes() {
    long kiosks = fleet.values().stream().filter(f -> f.containsKey("facts.kiosk")).count();
    long kioskTrue = fleet.values().stream().filter(f -> Boolean.TRUE.equals(f.get("facts.kiosk"))).count();
    long kioskTrueDebian = fleet.values().stream()
        .filter(f -> Boolean.TRUE.equals(f.get("facts.kiosk")) && "debian".equals(f.get("os.family"))).count();

    QueryResult small = fx.service.query("os.family = \"debian\" and facts.kiosk = true", List.of(), 1);
    QueryResult large = fx.service.query("facts.kiosk = true and software exists", List.of(), 1);

    assertThat(small.plan()).isEqualTo("index facts.kiosk (" + kiosks + " entries) then os.family (" + ENDPOINTS
        + " entries)");
    assertThat(small.candidates()).isEqualTo(kioskTrueDebian);
    assertThat(large.plan()).as("software has too many entries to be worth scanning")
        .isEqualTo("index facts.kiosk (" + kiosks + " entries)");
    assertThat(large.candidates()).isEqualTo(kioskTrue);
    assertThat(fx.store.entryCount("os.family", false)).isEqualTo(ENDPOINTS);
  }

  @Test
  void query_limitAndFields_firstMatchesWithTheirFactsAndTheTotal() {
    QueryResult result = fx.service.query("os.family = \"debian\"", List.of("os.name", "users.logged_in",
        "software[*].version", "no.such.fact"), 3);

    List<String> debian = bruteForce(Query.parse("os.family = \"debian\""));
    assertThat(result.total()).isEqualTo(debian.size());
    assertThat(result.truncated()).isTrue();
    assertThat(ids(result)).isEqualTo(debian.subList(0, 3));
    QueryResult.Match first = result.matches().get(0);
    SortedMap<String, Object> expected = new TreeMap<>();
    fleet.get(first.endpointId()).forEach((path, value) -> {
      if (path.equals("os.name") || path.startsWith("users.logged_in[")
          || (path.startsWith("software.") && path.endsWith(".version"))
          || path.startsWith("software[") && path.endsWith(".version")) {
        expected.put(path, value);
      }
    });
    assertThat(first.facts()).isEqualTo(expected);
  }

  @Test
  void query_syntaxError_invalidArgumentWithColumnAndCaret() {
    assertThat(assertCode(() -> fx.service.query("hardware.memgb <", List.of(), 0), ErrorCode.INVALID_ARGUMENT))
        .isEqualTo("query: at column 17: expected a value after '<' but found end of query\n"
            + "hardware.memgb <\n"
            + "                ^");
    assertThat(assertCode(() -> fx.service.query("os.family = 1", List.of("a..b"), 0), ErrorCode.INVALID_ARGUMENT))
        .startsWith("fields[0]: 'a..b' is not a path (at column 3:");
    assertThat(assertCode(() -> fx.service.query("os.family = 1", List.of(), -1), ErrorCode.INVALID_ARGUMENT))
        .isEqualTo("limit: -1 (expected: >= 0)");
  }
}
