package dev.convoy.server.inventory.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryIntrospectionTest {

  @Test
  void paths_everyPathReadInOrderWithoutDuplicates() {
    Query query = Query.parse("os.family = \"debian\" and (not software[\"vim\"] exists or facts.tags in [\"a\"])"
        + " or software.vim exists or network.interfaces[*].mac ~ \"3c*\"");

    assertThat(query.paths()).containsExactly(Path.parse("os.family"), Path.of("software", "vim"),
        Path.parse("facts.tags"), Path.parse("network.interfaces[*].mac"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      software.libreoffice.version                  | true
      software["libreoffice"].source                | false
      software.libreoffice                          | true
      software                                      | true
      network.interfaces[1].mac                     | true
      network.interfaces[1].name                    | false
      facts.tags[0]                                 | true
      facts.site                                    | false
      convoy.releases.hello.state                   | true
      convoy.releases.hello.version                 | false
      os.family                                     | true
      os.name                                       | false
      """)
  void dependsOn_leafPath_onlyWhenItCanChangeWhatIsRead(String leaf, boolean expected) {
    Query query = Query.parse("software[\"libreoffice\"].version < \"7.6\" and network.interfaces.mac ~ \"f4*\""
        + " and facts.tags exists and convoy.releases[*].state = \"FAILED\" or os.family.name exists");

    assertThat(query.dependsOn(Path.parse(leaf))).isEqualTo(expected);
  }

  /** Property: whenever changing one fact changes a query's result, the query depends on that fact. */
  @ParameterizedTest
  @ValueSource(strings = {
      "os.family = \"debian\" and hardware.memory_gb < 8 and software[\"libreoffice\"].version < \"7.6\"",
      "network.interfaces.mac ~ \"3c*\" and facts.tags != \"kiosk\"",
      "software[*].source = \"convoy\"",
      "not network.interfaces[1].ipv4 exists",
      "facts.floor > 2 and convoy.releases.hello.state in [\"SUCCEEDED\"]"})
  void dependsOn_everyFactChangeThatFlipsTheResult_isReported(String text) {
    Query query = Query.parse(text);
    InventoryDocument before = Laptops.debian12();
    int flips = 0;
    for (String leaf : before.flatten().keySet()) {
      for (Object replacement : new Object[] {null, "zzz", 0L, true}) {
        if (replacement == null && leaf.endsWith("]")) {
          continue; // removing a list element in the middle is not a document; a new report renumbers
        }
        Map<String, Object> flat = new java.util.HashMap<>(before.flatten());
        flat.put(leaf, replacement);
        InventoryDocument after = InventoryDocument.fromFlattened(flat);
        if (query.matches(after) != query.matches(before)) {
          flips++;
          assertThat(query.dependsOn(Path.parse(leaf))).as("%s := %s", leaf, replacement).isTrue();
        }
      }
    }
    assertThat(flips).as("the property must not hold vacuously").isPositive();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      os.family = "debian" and hardware.memory_gb < 8 and software["libreoffice"].version < "7.6" | os.family = "debian";hardware.memory_gb < 8;software.libreoffice.version < "7.6"
      a = 1                                                 | a = 1
      a >= 1 and (b <= 2 and c > 3)                         | a >= 1;b <= 2;c > 3
      a in [1, 2] and b exists and c.d[0] = 5               | a in [1, 2];b exists;c.d[0] = 5
      a = 1 or b = 2                                        | ''
      a = 1 and (b = 2 or c = 3)                            | a = 1
      a = 1 and not b = 2                                   | a = 1
      a != 1 and b not in [1] and c not exists and d ~ "x*" | ''
      software[*].source = "convoy" and a = 1               | a = 1
      """)
  void indexablePredicates_topLevelPositiveConjunctsOnly(String query, String expected) {
    List<String> predicates = Query.parse(query).indexablePredicates().stream().map(Object::toString).toList();

    assertThat(predicates).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected.split(";")));
  }

  /**
   * The planner's contract: answering any indexable predicate from {@link InventoryDocument#indexEntries()} gives a
   * superset of the documents the query matches.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "os.family = \"debian\" and hardware.memory_gb < 8 and software[\"libreoffice\"].version < \"7.6\"",
      "software.libreoffice.version = \"7.5.9.2\"",
      "software.libreoffice.version >= 7.6",
      "software.libreoffice exists and facts.site in [\"paris\", \"lyon\"]",
      "network.interfaces.mac = \"f4:8c:50:aa:bb:cc\" and network.interfaces[0].name exists",
      "network.interfaces[1].ipv4 exists",
      "facts.tags = \"finance\" and hardware.cpu.cores > 2",
      "os.version = \"12.0\"",
      "software[\"g++\"] exists",
      "empty exists"})
  void indexablePredicates_answeredFromIndexEntries_supersetOfMatches(String text) {
    Query query = Query.parse(text);
    Map<String, InventoryDocument> fleet = fleet();
    Set<String> matching = fleet.keySet().stream().filter(id -> query.matches(fleet.get(id)))
        .collect(Collectors.toSet());

    assertThat(matching).as("the property must not hold vacuously").isNotEmpty();
    assertThat(query.indexablePredicates()).isNotEmpty();
    for (Expr.Predicate predicate : query.indexablePredicates()) {
      Set<String> candidates = new HashSet<>();
      fleet.forEach((id, document) -> {
        if (indexSays(predicate, document.indexEntries())) {
          candidates.add(id);
        }
      });
      assertThat(candidates).as("%s for %s", predicate, text).containsAll(matching);
    }
  }

  @Test
  void indexablePredicates_equalityOnAbsentValue_noCandidates() {
    Expr.Predicate predicate = Query.parse("os.family = \"windows\"").indexablePredicates().get(0);

    assertThat(fleet().values()).noneMatch(document -> indexSays(predicate, document.indexEntries()));
  }

  /** What a planner does with an index built from index entries: look the key up, test its values. */
  private static boolean indexSays(Expr.Predicate predicate, Map<String, List<Object>> index) {
    String key = predicate.path().indexKey().orElseThrow();
    if (predicate instanceof Expr.Existence) {
      return index.keySet().stream().anyMatch(k -> k.equals(key) || k.startsWith(key + ".")
          || k.startsWith(key + "["));
    }
    List<Object> values = index.getOrDefault(key, List.of());
    return predicate instanceof Expr.Comparison comparison ? values.stream().anyMatch(comparison::test)
        : values.stream().anyMatch(((Expr.Membership) predicate)::test);
  }

  private static Map<String, InventoryDocument> fleet() {
    return Map.of(
        "laptop", Laptops.debian12(),
        "empty", InventoryDocument.empty(),
        "other", InventoryDocument.of(Map.of("os", Map.of("family", "debian", "version", "12"),
            "software", Map.of("libreoffice", Map.of("version", "7.6.4.1")),
            "network", Map.of("interfaces", List.of(Map.of("mac", "f4:8c:50:aa:bb:cc", "ipv4", List.of()))),
            "empty", List.of())),
        "weird", InventoryDocument.of(Map.of("software", List.of(Map.of("libreoffice", Map.of("version", "7.0"))),
            "facts", Map.of("tags", List.of(List.of("finance")), "site", List.of("lyon")),
            "hardware", Map.of("memory_gb", "4", "cpu", List.of(Map.of("cores", 8))))));
  }
}
