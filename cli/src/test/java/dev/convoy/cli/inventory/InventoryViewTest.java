package dev.convoy.cli.inventory;

import static dev.convoy.cli.testing.Inventories.flag;
import static dev.convoy.cli.testing.Inventories.integer;
import static dev.convoy.cli.testing.Inventories.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.EndpointInventory;
import dev.convoy.protocol.v1.Fact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryViewTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  private static EndpointInventory inventory(List<Fact> facts) {
    return EndpointInventory.newBuilder().setEndpointId("ep-9").addAllFacts(facts).build();
  }

  @Test
  void render_noFacts_saysSoWithoutSections() {
    assertThat(InventoryView.render(inventory(List.of()), NOW)).isEqualTo("""
        Inventory of ep-9
          updated  never
          facts    0

        No inventory reported yet.
        """);
  }

  @Test
  void render_unknownTopLevelKeys_afterTheKnownSectionsByName() {
    String text = InventoryView.render(inventory(List.of(text("zeta.a", "1"), text("alpha.b", "2"),
        text("os.family", "debian"), text("facts.x", "3"))), NOW);

    assertThat(text.lines().filter(l -> !l.startsWith(" ") && !l.isEmpty()).toList())
        .containsExactly("Inventory of ep-9", "os", "facts", "alpha", "zeta");
  }

  @Test
  void render_longList_elementsInListOrderOnOneLine() {
    List<Fact> facts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      facts.add(text("users.logged_in[" + i + "]", "u" + i));
    }
    facts.sort((a, b) -> a.getPath().compareTo(b.getPath())); // as the server sends them: [10] before [2]

    assertThat(InventoryView.render(inventory(facts), NOW))
        .contains("\nusers\n  logged_in  u0, u1, u2, u3, u4, u5, u6, u7, u8, u9, u10, u11\n");
  }

  @Test
  void render_softwareFactsOfOtherShapes_listedAfterThePackages() {
    String text = InventoryView.render(inventory(List.of(text("software.vim.version", "2:9.0.1378-2"),
        integer("software.count", 1), flag("software.vim.extra.flag", true))), NOW);

    assertThat(text).endsWith("""
        software: 1 package
          NAME  VERSION       SOURCE  ARCH
          vim   2:9.0.1378-2
          count           1
          vim.extra.flag  true
        """);
  }

  @Test
  void render_topLevelScalar_keyedByItsPath() {
    assertThat(InventoryView.render(inventory(List.of(text("serial", "PF-1234"))), NOW))
        .endsWith("\nserial\n  serial  PF-1234\n");
  }
}
