package dev.convoy.agent.inventory.custom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.inventory.CollectedInventory;
import dev.convoy.agent.inventory.FactValue;
import dev.convoy.agent.inventory.InventoryCollector;
import dev.convoy.agent.process.Command;
import dev.convoy.agent.process.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real scripts in a temporary facts.d, run by the real command runner. */
class CustomFactsTest {
  @TempDir
  Path dir;

  private Path script(String name, String body) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    assertThat(file.toFile().setExecutable(true)).isTrue();
    return file;
  }

  private CollectedInventory collect(Duration timeout) {
    return new InventoryCollector(List.of(new CustomFacts(dir, timeout, new CommandRunner())), "0.1.0", List::of,
        Clock.systemUTC()).collect();
  }

  private static Map<String, FactValue> custom(CollectedInventory collected) {
    return collected.facts().asMap().entrySet().stream().filter(e -> e.getKey().startsWith("facts"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static String health(CollectedInventory collected) {
    return collected.facts().text("agent.health").orElseThrow();
  }

  @Test
  void keyValueLines_becomeTypedFacts() throws Exception {
    script("site", "echo site=paris\necho '# a comment'\necho\necho rack=12\necho kiosk=true\necho zip=01234\n"
        + "echo 'owner = Jane Doe '\necho 'url=https://x.example/?a=b'\necho 'g++=yes'");

    CollectedInventory collected = collect(Duration.ofSeconds(10));

    assertThat(custom(collected)).containsOnly(
        Map.entry("facts.site", FactValue.text("paris")),
        Map.entry("facts.rack", FactValue.integer(12)),
        Map.entry("facts.kiosk", FactValue.flag(true)),
        Map.entry("facts.zip", FactValue.text("01234")),
        Map.entry("facts.owner", FactValue.text("Jane Doe")),
        Map.entry("facts.url", FactValue.text("https://x.example/?a=b")),
        Map.entry("facts[\"g++\"]", FactValue.text("yes")));
    assertThat(health(collected)).isEqualTo("ok");
  }

  @Test
  void jsonObject_becomesNestedFactsWithGaplessPositions() throws Exception {
    script("asset.json.sh", "cat <<'EOF'\n{\"asset\": {\"tag\": \"A-1\", \"cost\": 1299.5, \"leased\": false},"
        + " \"tags\": [\"lab\", null, {}, \"kiosk\"], \"big\": 12345678901234567890, \"n\": -7, \"odd key\": 1}\nEOF");

    CollectedInventory collected = collect(Duration.ofSeconds(10));

    assertThat(custom(collected)).containsOnly(
        Map.entry("facts.asset.tag", FactValue.text("A-1")),
        Map.entry("facts.asset.cost", FactValue.real(1299.5)),
        Map.entry("facts.asset.leased", FactValue.flag(false)),
        Map.entry("facts.tags[0]", FactValue.text("lab")),
        Map.entry("facts.tags[1]", FactValue.text("kiosk")),
        Map.entry("facts.big", FactValue.real(1.2345678901234567e19)),
        Map.entry("facts.n", FactValue.integer(-7)),
        Map.entry("facts[\"odd key\"]", FactValue.integer(1)));
    assertThat(health(collected)).isEqualTo("ok");
  }

  @Test
  void failingScript_contributesNothingAndDegradesTheHealth() throws Exception {
    script("a-good", "echo site=paris");
    script("b-bad", "echo half=done; echo 'cannot reach the asset db' >&2; exit 3");

    CollectedInventory collected = collect(Duration.ofSeconds(10));

    assertThat(custom(collected)).containsOnlyKeys("facts.site");
    assertThat(health(collected)).isEqualTo("degraded: facts.d/b-bad: exit status 3: cannot reach the asset db");
  }

  @Test
  void slowScript_isKilledAtTheTimeoutAndContributesNothing() throws Exception {
    script("slow", "echo early=1; sleep 30; echo late=1");
    script("quick", "echo quick=1");

    long start = System.nanoTime();
    CollectedInventory collected = collect(Duration.ofMillis(300));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(custom(collected)).containsOnlyKeys("facts.quick");
    assertThat(health(collected)).isEqualTo("degraded: facts.d/slow: timed out after 300 ms");
  }

  @Test
  void nonExecutableFiles_areIgnored() throws Exception {
    Files.writeString(dir.resolve("README"), "site=nowhere\n");
    Files.writeString(dir.resolve("disabled.sh"), "#!/bin/sh\necho disabled=1\n");
    Files.createDirectories(dir.resolve("subdir"));
    script("on", "echo on=1");

    CollectedInventory collected = collect(Duration.ofSeconds(10));

    assertThat(custom(collected)).containsOnlyKeys("facts.on");
    assertThat(health(collected)).isEqualTo("ok");
  }

  @Test
  void malformedOutput_contributesNothingAndSaysWhy() throws Exception {
    script("kv", "echo ok=1; echo 'just words'");
    script("json", "echo '{\"a\": 1,}'");
    script("array", "echo '[1, 2]'");

    CollectedInventory collected = collect(Duration.ofSeconds(10));

    assertThat(custom(collected)).isEmpty();
    assertThat(health(collected)).startsWith("degraded: ")
        .contains("facts.d/array: JSON array (expected: one JSON object)")
        .contains("facts.d/json: malformed JSON: ")
        .contains("facts.d/kv: line 2: 'just words' (expected: key=value, or one JSON object)");
  }

  @Test
  void factAlreadyReportedByAnotherScript_refusesTheLaterScript() throws Exception {
    script("10-site", "echo site=paris");
    script("20-site", "echo '{\"site\": {\"building\": \"B\"}, \"floor\": 2}'");

    CollectedInventory collected = collect(Duration.ofSeconds(10));

    assertThat(custom(collected)).containsOnly(Map.entry("facts.site", FactValue.text("paris")));
    assertThat(health(collected)).isEqualTo("degraded: facts.d/20-site: facts.site.building: facts.site already holds "
        + "a value (expected: a value or a parent, not both)");
  }

  @Test
  void scripts_runInACleanEnvironmentFromFactsD() throws Exception {
    script("env", "echo path=$PATH; echo home=${HOME:-none}; echo cwd=$(pwd)");

    CollectedInventory collected = collect(Duration.ofSeconds(10));

    assertThat(custom(collected)).containsOnly(Map.entry("facts.path", FactValue.text(Command.CLEAN_PATH)),
        Map.entry("facts.home", FactValue.text("none")), Map.entry("facts.cwd", FactValue.text(dir.toRealPath().toString())));
  }

  @Test
  void valueBeyondTheServerLimit_refusesTheScript() throws Exception {
    script("huge", "printf 'blob='; head -c 5000 /dev/zero | tr '\\\\0' x; echo");

    CollectedInventory collected = collect(Duration.ofSeconds(10));

    assertThat(custom(collected)).isEmpty();
    assertThat(health(collected)).isEqualTo("degraded: facts.d/huge: fact facts.blob: text of 5000 bytes (expected: <= 4096)");
  }

  @Test
  void missingDirectory_contributesNothing() {
    CollectedInventory collected = new InventoryCollector(List.of(new CustomFacts(dir.resolve("absent"),
        Duration.ofSeconds(1), new CommandRunner())), "0.1.0", List::of, Clock.systemUTC()).collect();

    assertThat(custom(collected)).isEmpty();
    assertThat(health(collected)).isEqualTo("ok");
  }
}
