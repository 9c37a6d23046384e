package dev.convoy.agent.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The collector over fixed sources: agent facts, health, failing sources, refused facts, the summary. */
class InventoryCollectorTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final List<ManagedPackage> MANAGED = List.of(new ManagedPackage("hello", "1.0.0", "installed"));

  private static FactSource source(String name, java.util.function.Consumer<FactSink> body) {
    return new FactSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void collect(FactSink sink) {
        body.accept(sink);
      }
    };
  }

  private static CollectedInventory collect(FactSource... sources) {
    return new InventoryCollector(List.of(sources), "0.1.0", () -> MANAGED, Clock.fixed(NOW, ZoneOffset.UTC)).collect();
  }

  @Test
  void collect_healthySources_addsAgentVersionAndHealthOk() {
    CollectedInventory collected = collect(source("os", sink -> {
      sink.text(FactPath.of("os", "name"), "Debian GNU/Linux 12 (bookworm)");
      sink.text(FactPath.of("host", "name"), "ws-1");
    }));

    assertThat(collected.facts().asMap()).containsOnlyKeys("agent.health", "agent.version", "host.name", "os.name");
    assertThat(collected.facts().text("agent.health")).contains("ok");
    assertThat(collected.facts().text("agent.version")).contains("0.1.0");
    assertThat(collected.collectedAt()).isEqualTo(NOW);
  }

  @Test
  void collect_fillsTheDeprecatedSummaryFromTheFacts() {
    CollectedInventory collected = collect(source("os", sink -> {
      sink.text(FactPath.of("host", "name"), "ws-1");
      sink.text(FactPath.of("os", "name"), "Ubuntu 24.04 LTS");
      sink.text(FactPath.of("os", "version"), "24.04");
    }));

    assertThat(collected.summary()).isEqualTo(new InventorySummary("ws-1", "Ubuntu 24.04 LTS", "24.04",
        System.getProperty("os.arch"), "0.1.0", MANAGED));
  }

  @Test
  void collect_sourceThrows_keepsItsEarlierFactsAndTheOtherSourcesAndDegrades() {
    CollectedInventory collected = collect(
        source("hardware", sink -> {
          sink.integer(FactPath.of("hardware", "cpu", "threads"), 8);
          throw new IllegalStateException("udev went away");
        }),
        source("users", sink -> sink.textList(FactPath.of("users", "logged_in"), List.of("alice", "bob"))));

    assertThat(collected.facts().get("hardware.cpu.threads")).contains(FactValue.integer(8));
    assertThat(collected.facts().text("users.logged_in[1]")).contains("bob");
    assertThat(collected.facts().text("agent.health")).contains("degraded: hardware: udev went away");
  }

  @Test
  void collect_factTheServerWouldRefuse_isDroppedAndNamedInTheHealth() {
    CollectedInventory collected = collect(source("software", sink -> {
      sink.text(FactPath.of("software").key("x").key("version"), "v".repeat(Inventory.MAX_TEXT_BYTES + 1));
      sink.text(FactPath.of("software").key("y").key("version"), "1.0");
      sink.degrade("software: dpkg-query: exit status 2");
    }));

    assertThat(collected.facts().get("software.x.version")).isEmpty();
    assertThat(collected.facts().text("software.y.version")).contains("1.0");
    assertThat(collected.facts().text("agent.health")).contains("degraded: software: dropped software.x.version: "
        + "text of 4097 bytes (expected: <= 4096); software: dpkg-query: exit status 2");
  }

  @Test
  void textList_skipsOversizedValuesWithoutLeavingAGap() {
    CollectedInventory collected = collect(source("users", sink -> sink.textList(FactPath.of("users", "logged_in"),
        List.of("alice", "x".repeat(Inventory.MAX_TEXT_BYTES + 1), "carol"))));

    assertThat(collected.facts().asMap()).containsKeys("users.logged_in[0]", "users.logged_in[1]")
        .doesNotContainKey("users.logged_in[2]");
    assertThat(collected.facts().text("users.logged_in[1]")).contains("carol");
  }

  @Test
  void health_manyProblems_isCutToAReadableLength() {
    String health = InventoryCollector.health(java.util.Collections.nCopies(200, "facts.d/x: exit status 1"));

    assertThat(health).startsWith("degraded: facts.d/x: exit status 1; ").hasSizeLessThanOrEqualTo(1000);
  }
}
