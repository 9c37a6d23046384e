package dev.convoy.agent.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The server's limits and the shape of a fact tree, enforced before anything is sent; and changes between two. */
class InventoryTest {
  private static Inventory of(String... pathsAndValues) {
    Inventory.Builder builder = Inventory.builder();
    for (int i = 0; i < pathsAndValues.length; i += 2) {
      builder.put(FactPath.parse(pathsAndValues[i]), FactValue.text(pathsAndValues[i + 1]));
    }
    return builder.build();
  }

  @Test
  void facts_areSortedByStringCompareTo() {
    Inventory inventory = of("software[\"g++\"].version", "12", "software.bash.version", "5.2", "agent.health", "ok",
        "software.Zsh.version", "5.9");

    assertThat(inventory.facts()).extracting(Fact::path).containsExactly(
        "agent.health", "software.Zsh.version", "software.bash.version", "software[\"g++\"].version");
  }

  @Test
  void put_pathBothValueAndParent_isRefused() {
    Inventory.Builder builder = Inventory.builder().put(FactPath.of("facts", "a"), FactValue.integer(1));

    assertThatThrownBy(() -> builder.put(FactPath.of("facts", "a", "b"), FactValue.integer(2)))
        .hasMessage("fact facts.a.b: facts.a already holds a value (expected: a value or a parent, not both)");
    Inventory.Builder other = Inventory.builder().put(FactPath.of("facts", "x").index(0), FactValue.integer(1));
    assertThatThrownBy(() -> other.put(FactPath.of("facts", "x"), FactValue.integer(2)))
        .hasMessage("fact facts.x: already holds other facts (expected: a value or a parent, not both)");
  }

  @Test
  void put_samePathAgain_replacesTheValue() {
    Inventory inventory = Inventory.builder().put(FactPath.of("os", "id"), FactValue.text("debian"))
        .put(FactPath.of("os", "id"), FactValue.text("ubuntu")).build();

    assertThat(inventory.text("os.id")).contains("ubuntu");
    assertThat(inventory.size()).isOne();
  }

  @Test
  void put_beyondTheServerLimits_isRefused() {
    Inventory.Builder builder = Inventory.builder();
    String longKey = "k".repeat(Inventory.MAX_PATH_LENGTH);

    assertThatThrownBy(() -> builder.put(FactPath.of("facts").key(longKey), FactValue.integer(1)))
        .hasMessageContaining("characters (expected: <= 512)");
    builder.put(FactPath.of("facts").key("k".repeat(Inventory.MAX_PATH_LENGTH - 6)), FactValue.integer(1)); // 512
    assertThatThrownBy(() -> builder.put(FactPath.of("facts", "t"), FactValue.text("é".repeat(2049))))
        .hasMessage("fact facts.t: text of 4098 bytes (expected: <= 4096)");
    builder.put(FactPath.of("facts", "t"), FactValue.text("é".repeat(2048)));
  }

  @Test
  void putAll_conflict_addsNothing() {
    Inventory.Builder base = Inventory.builder().put(FactPath.of("facts", "site"), FactValue.text("paris"));
    Inventory.Builder more = Inventory.builder().put(FactPath.of("facts", "rack"), FactValue.integer(3))
        .put(FactPath.of("facts", "site"), FactValue.text("lyon"));

    assertThat(base.problem(more)).contains("facts.site: already reported");
    assertThatThrownBy(() -> base.putAll(more)).isInstanceOf(IllegalArgumentException.class);
    assertThat(base.build().asMap()).containsOnlyKeys("facts.site");
  }

  @Test
  void changesSince_givesExactlyTheSetAndRemovedFacts() {
    Inventory before = of("os.id", "debian", "os.version", "12", "software.vim.version", "9.0", "users.logged_in[0]", "a");
    Inventory after = of("os.id", "debian", "os.version", "13", "software.emacs.version", "29", "users.logged_in[0]", "a");

    InventoryChanges changes = after.changesSince(before);

    assertThat(changes.set()).containsExactly(new Fact("os.version", FactValue.text("13")),
        new Fact("software.emacs.version", FactValue.text("29")));
    assertThat(changes.removed()).containsExactly("software.vim.version");
    assertThat(after.changesSince(after).isEmpty()).isTrue();
  }

  @Test
  void changesSince_sameValueOfAnotherType_isAChange() {
    Inventory text = Inventory.builder().put(FactPath.of("facts", "n"), FactValue.text("1")).build();
    Inventory integer = Inventory.builder().put(FactPath.of("facts", "n"), FactValue.integer(1)).build();

    assertThat(integer.changesSince(text).set()).containsExactly(new Fact("facts.n", FactValue.integer(1)));
  }

  @Test
  void real_notFinite_isRefused() {
    assertThatThrownBy(() -> FactValue.real(Double.NaN)).hasMessage("real value: NaN (expected: a finite number)");
  }

  @Test
  void put_threeByteCharactersAtTheLimit_measuredInBytes() {
    Inventory.Builder builder = Inventory.builder();

    builder.put(FactPath.of("facts", "t"), FactValue.text("€".repeat(1365))); // 4095 bytes
    assertThatThrownBy(() -> builder.put(FactPath.of("facts", "t"), FactValue.text("€".repeat(1366))))
        .hasMessage("fact facts.t: text of 4098 bytes (expected: <= 4096)");
  }

  @Test
  void offer_problem_returnedAndNothingAdded() {
    Inventory.Builder builder = Inventory.builder();

    assertThat(builder.offer(FactPath.of("facts", "a"), FactValue.integer(1))).isEmpty();
    assertThat(builder.offer(FactPath.of("facts", "a", "b"), FactValue.integer(2))).contains(
        "facts.a.b: facts.a already holds a value (expected: a value or a parent, not both)");
    assertThat(builder.offer(FactPath.of("facts"), FactValue.integer(3))).contains(
        "facts: already holds other facts (expected: a value or a parent, not both)");
    assertThat(builder.build().facts()).extracting(Fact::path).containsExactly("facts.a");
  }
}
