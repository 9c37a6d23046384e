package dev.convoy.server.inventory.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class InventoryDocumentTest {
  private final InventoryDocument laptop = Laptops.debian12();

  @Test
  void of_numbersOfAnyWidth_becomeLongOrDouble() {
    InventoryDocument document = InventoryDocument.of(Map.of("n", Map.of("int", 4, "short", (short) 2,
        "byte", (byte) 1, "big", BigInteger.TEN, "float", 1.5f, "decimal", new BigDecimal("7.6"))));

    assertThat(document.asMap().get("n")).isEqualTo(Map.of("int", 4L, "short", 2L, "byte", 1L, "big", 10L,
        "float", 1.5, "decimal", 7.6));
  }

  @Test
  void of_nullValues_areDroppedAsUnknown() {
    Map<String, Object> facts = new HashMap<>();
    facts.put("serial", null);
    facts.put("tags", new ArrayList<>(java.util.Arrays.asList("a", null, "b")));

    InventoryDocument document = InventoryDocument.of(facts);

    assertThat(document.asMap()).containsOnlyKeys("tags");
    assertThat(document.get("tags")).contains(List.of("a", "b"));
    assertThat(laptop.get("hardware.serial")).isEmpty();
  }

  @Test
  void of_sourceChangedAfterwards_documentUnchanged() {
    List<Object> tags = new ArrayList<>(List.of("a"));
    Map<String, Object> facts = new HashMap<>(Map.of("tags", tags));
    InventoryDocument document = InventoryDocument.of(facts);

    tags.add("b");
    facts.put("site", "lyon");

    assertThat(document.asMap()).isEqualTo(Map.of("tags", List.of("a")));
    assertThatThrownBy(() -> document.asMap().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equals_sameFactsInAnotherOrder_equalAndSorted() {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("b", 1);
    one.put("a", 2);

    assertThat(InventoryDocument.of(one)).isEqualTo(InventoryDocument.of(Map.of("a", 2, "b", 1)))
        .hasSameHashCodeAs(InventoryDocument.of(Map.of("a", 2L, "b", 1L)));
    assertThat(InventoryDocument.of(one).asMap().keySet()).containsExactly("a", "b");
  }

  static Stream<Arguments> invalidFacts() {
    return Stream.of(
        Arguments.of(Map.of("hardware", Map.of("bought", Instant.EPOCH)),
            "inventory value at hardware.bought: java.time.Instant (expected: a map, list, string, number or boolean)"),
        Arguments.of(Map.of("hardware", Map.of("memory_gb", Double.NaN)), "inventory value at hardware.memory_gb: NaN"
            + " (expected: a finite number within the range of a double, or an integer within 64 bits)"),
        Arguments.of(Map.of("n", BigInteger.TWO.pow(64)), "inventory value at n: 18446744073709551616"
            + " (expected: a finite number within the range of a double, or an integer within 64 bits)"),
        Arguments.of(Map.of("disks", List.of(Map.of(), Map.of(7, "x"))),
            "inventory key at disks[1]: 7 (expected: a string)"),
        Arguments.of(Map.of("odd keys", Map.of("g++", List.of('c'))),
            "inventory value at [\"odd keys\"][\"g++\"][0]: java.lang.Character"
                + " (expected: a map, list, string, number or boolean)"));
  }

  @ParameterizedTest
  @MethodSource("invalidFacts")
  void of_invalidValue_namesPathAndExpectation(Map<String, Object> facts, String message) {
    assertThatThrownBy(() -> InventoryDocument.of(facts))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void of_nestingTooDeep_refusedWithoutStackOverflow() {
    Map<String, Object> deep = Map.of("leaf", 1);
    for (int i = 0; i < InventoryDocument.MAX_DEPTH - 1; i++) {
      deep = Map.of("n", deep);
    }
    assertThat(InventoryDocument.of(deep).flatten()).hasSize(1);

    Map<String, Object> tooDeep = Map.of("n", deep);
    assertThatThrownBy(() -> InventoryDocument.of(tooDeep)).hasMessageStartingWith("inventory nesting at n.n.n.")
        .hasMessageEndingWith(": 65 levels (expected: at most 64)");
  }

  @Test
  void of_mapContainingItself_refused() {
    Map<String, Object> cyclic = new HashMap<>();
    cyclic.put("self", cyclic);

    assertThatThrownBy(() -> InventoryDocument.of(cyclic)).hasMessageContaining("(expected: at most 64)");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
      os.family                     | debian
      software["libreoffice"].version | 7.5.9.2
      software.libreoffice.version  | 7.5.9.2
      software["g++"].source        | dpkg
      network.interfaces[1].name    | wlp3s0
      network.interfaces[0].ipv4[0] | 10.0.4.42
      network.interfaces[2].name    | NONE
      network.interfaces.name       | NONE
      os.family.name                | NONE
      software["photoshop"]         | NONE
      """)
  void get_concretePath_valueOrEmpty(String path, String expected) {
    assertThat(laptop.get(path).orElse(null)).isEqualTo(expected);
  }

  @Test
  void get_wildcard_refused() {
    assertThatThrownBy(() -> laptop.get("software[*].version")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path software[*].version: [*] (expected: a path to one value; see values())");
  }

  @Test
  void values_listsAndWildcards_fanOut() {
    assertThat(laptop.values(Path.parse("network.interfaces.mac")))
        .containsExactly("3C:52:82:1A:2B:3C", "f4:8c:50:aa:bb:cc");
    assertThat(laptop.values(Path.parse("network.interfaces[*].mac")))
        .isEqualTo(laptop.values(Path.parse("network.interfaces.mac")));
    assertThat(laptop.values(Path.parse("software[*].source"))).containsExactly("dpkg", "dpkg", "convoy", "dpkg");
    assertThat(laptop.values(Path.parse("network.interfaces.ipv4"))).containsExactly(List.of("10.0.4.42"), List.of());
    assertThat(laptop.values(Path.parse("facts.tags[1]"))).containsExactly("finance");
    assertThat(laptop.values(Path.parse("software.photoshop.version"))).isEmpty();
  }

  @Test
  void values_nestedLists_fanOutAtEveryLevel() {
    InventoryDocument document = InventoryDocument.of(Map.of("racks", List.of(List.of(Map.of("id", 1)),
        List.of(Map.of("id", 2), Map.of("id", 3)))));

    assertThat(document.values(Path.parse("racks.id"))).containsExactly(1L, 2L, 3L);
  }

  @Test
  void flatten_laptop_canonicalLeafPathsSorted() {
    Map<String, Object> flat = laptop.flatten();

    assertThat(flat).contains(
        entry("os.family", "debian"),
        entry("hardware.memory_gb", 7.6),
        entry("hardware.cpu.cores", 4L),
        entry("software.libreoffice.version", "7.5.9.2"),
        entry("software.libreoffice.source", "convoy"),
        entry("software[\"g++\"].version", "4:12.2.0-3"),
        entry("software.firefox-esr.version", "115.8.0esr-1~deb12u1"),
        entry("network.interfaces[0].mac", "3C:52:82:1A:2B:3C"),
        entry("network.interfaces[1].ipv4", List.of()),
        entry("facts.tags[1]", "finance"),
        entry("convoy.releases.hello.state", "SUCCEEDED"));
    assertThat(flat).hasSize(34).doesNotContainKey("hardware.serial");
    assertThat(new ArrayList<>(flat.keySet())).isSorted();
    flat.forEach((key, value) -> assertThat(laptop.get(Path.parse(key))).as(key).contains(value));
  }

  @Test
  void flatten_awkwardKeys_quotedSoTheyParseBack() {
    InventoryDocument document = InventoryDocument.of(Map.of("and", Map.of("with space", 1, "", 2, "quote\"d", 3,
        "or", Map.of())));

    assertThat(document.flatten()).containsOnlyKeys("[\"and\"][\"with space\"]", "[\"and\"][\"\"]",
        "[\"and\"][\"quote\\\"d\"]", "[\"and\"].or");
    assertThat(InventoryDocument.fromFlattened(document.flatten())).isEqualTo(document);
  }

  @Test
  void fromFlattened_flattenOfLaptop_rebuildsTheSameDocument() {
    assertThat(InventoryDocument.fromFlattened(laptop.flatten())).isEqualTo(laptop);
    assertThat(InventoryDocument.fromFlattened(Map.of())).isEqualTo(InventoryDocument.empty());
  }

  @Test
  void fromFlattened_afterApplyingADelta_reflectsTheChange() {
    Map<String, Object> flat = new HashMap<>(laptop.flatten());
    flat.put("software.libreoffice.version", "7.6.4.1");
    flat.remove("software.vim.version");
    flat.remove("software.vim.source");

    InventoryDocument updated = InventoryDocument.fromFlattened(flat);

    assertThat(updated.get("software.libreoffice.version")).contains("7.6.4.1");
    assertThat(updated.get("software.vim")).isEmpty();
    assertThat(Query.parse("software[\"libreoffice\"].version >= \"7.6\"").matches(updated)).isTrue();
  }

  static Stream<Arguments> contradictoryFlattenings() {
    String conflict = ": conflicts with another key (expected: one value per path, maps under names, lists under"
        + " positions)";
    return Stream.of(
        Arguments.of(ordered("a", 1, "a.b", 2), "flattened inventory key a.b" + conflict),
        Arguments.of(ordered("a.b", 1, "a", 2), "flattened inventory key a" + conflict),
        Arguments.of(ordered("a[0]", 1, "a.b", 2), "flattened inventory key a.b" + conflict),
        Arguments.of(ordered("[0]", 1), "flattened inventory key [0]" + conflict),
        Arguments.of(ordered("a[0]", 1, "a[2]", 2),
            "flattened inventory key a[2]: position 2 without position 1 (expected: positions 0 to n-1)"),
        Arguments.of(Map.of("a[*].b", 1), "flattened inventory key a[*].b: [*] (expected: a concrete path)"),
        Arguments.of(Map.of("a", List.of(1)),
            "flattened inventory value at a: a non-empty map or list (expected: a scalar, or an empty map or list)"));
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @ParameterizedTest
  @MethodSource("contradictoryFlattenings")
  void fromFlattened_contradictoryKeys_refused(Map<String, Object> flat, String message) {
    assertThatThrownBy(() -> InventoryDocument.fromFlattened(flat)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void fromFlattened_keyThatIsNoPath_reportsTheSyntaxError() {
    assertThatThrownBy(() -> InventoryDocument.fromFlattened(Map.of("a..b", 1)))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessage("at column 3: expected a name after '.' but found '.'");
  }

  @Test
  void indexEntries_laptop_leafPathsWithoutPositions() {
    Map<String, List<Object>> index = laptop.indexEntries();

    assertThat(index).contains(
        entry("network.interfaces.mac", List.of("3C:52:82:1A:2B:3C", "f4:8c:50:aa:bb:cc")),
        entry("network.interfaces.ipv4", List.of("10.0.4.42")),
        entry("facts.tags", List.of("laptop", "finance")),
        entry("software[\"g++\"].version", List.of("4:12.2.0-3")),
        entry("hardware.memory_gb", List.of(7.6)));
    assertThat(index.keySet()).noneMatch(key -> key.contains("[0]") || key.contains("[1]"));
    assertThat(InventoryDocument.of(Map.of("empty", Map.of())).indexEntries())
        .containsExactly(entry("empty", List.of()));
  }
}
