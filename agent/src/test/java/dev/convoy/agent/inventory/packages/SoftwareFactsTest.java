package dev.convoy.agent.inventory.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.inventory.CollectedInventory;
import dev.convoy.agent.inventory.FactValue;
import dev.convoy.agent.inventory.InventoryCollector;
import dev.convoy.agent.inventory.ManagedPackage;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Software facts from databases and from the releases Convoy installed. */
class SoftwareFactsTest {
  private static PackageDatabase database(String source, InstalledPackage... packages) {
    return new PackageDatabase() {
      @Override
      public String source() {
        return source;
      }

      @Override
      public Optional<List<InstalledPackage>> installed() {
        return Optional.of(List.of(packages));
      }
    };
  }

  private static CollectedInventory collect(List<PackageDatabase> databases, List<ManagedPackage> managed) {
    return new InventoryCollector(List.of(new SoftwareFacts(databases, () -> managed)), "0.1.0", () -> managed,
        Clock.systemUTC()).collect();
  }

  @Test
  void collect_databasePackage_hasVersionUpstreamSourceAndArch() {
    CollectedInventory collected = collect(List.of(database("dpkg",
        new InstalledPackage("g++", "4:12.2.0-3", "12.2.0", "amd64", "dpkg"))), List.of());

    assertThat(collected.facts().asMap()).containsEntry("software[\"g++\"].version", FactValue.text("4:12.2.0-3"))
        .containsEntry("software[\"g++\"].upstream_version", FactValue.text("12.2.0"))
        .containsEntry("software[\"g++\"].source", FactValue.text("dpkg"))
        .containsEntry("software[\"g++\"].arch", FactValue.text("amd64"));
  }

  @Test
  void collect_convoyRelease_isAReleaseAndSoftwareOnlyWhenNoDatabaseListsIt() {
    CollectedInventory collected = collect(List.of(database("dpkg",
            new InstalledPackage("libreoffice", "4:7.4.7-1", "7.4.7", "amd64", "dpkg"))),
        List.of(new ManagedPackage("libreoffice", "7.6.4", "installed"), new ManagedPackage("hello", "1.0.0", "installed")));

    assertThat(collected.facts().asMap())
        .containsEntry("convoy.releases.libreoffice.version", FactValue.text("7.6.4"))
        .containsEntry("convoy.releases.libreoffice.state", FactValue.text("installed"))
        .containsEntry("software.libreoffice.source", FactValue.text("dpkg"))
        .containsEntry("software.libreoffice.version", FactValue.text("4:7.4.7-1"))
        .containsEntry("convoy.releases.hello.version", FactValue.text("1.0.0"))
        .containsEntry("software.hello.source", FactValue.text("convoy"))
        .containsEntry("software.hello.version", FactValue.text("1.0.0"))
        .containsEntry("software.hello.upstream_version", FactValue.text("1.0.0"))
        .doesNotContainKey("software.hello.arch");
  }

  @Test
  void collect_nameInTwoDatabases_theFirstWins() {
    CollectedInventory collected = collect(List.of(
        database("dpkg", new InstalledPackage("bash", "5.2-1", "5.2", "amd64", "dpkg")),
        database("rpm", new InstalledPackage("bash", "5.1-3", "5.1", "x86_64", "rpm"))), List.of());

    assertThat(collected.facts().text("software.bash.source")).contains("dpkg");
  }

  @Test
  void collect_failingDatabase_degradesAndTheOthersStillCount() {
    PackageDatabase broken = new PackageDatabase() {
      @Override
      public String source() {
        return "rpm";
      }

      @Override
      public Optional<List<InstalledPackage>> installed() {
        throw new PackageQueryException("rpm: timed out after 60 s");
      }
    };

    CollectedInventory collected = collect(List.of(broken,
        database("dpkg", new InstalledPackage("bash", "5.2-1", "5.2", "amd64", "dpkg"))), List.of());

    assertThat(collected.facts().text("software.bash.version")).contains("5.2-1");
    assertThat(collected.facts().text("agent.health")).contains("degraded: software: rpm: timed out after 60 s");
  }
}
