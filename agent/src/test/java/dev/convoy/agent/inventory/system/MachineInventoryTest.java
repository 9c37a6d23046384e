package dev.convoy.agent.inventory.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.convoy.agent.inventory.CollectedInventory;
import dev.convoy.agent.inventory.FactPath;
import dev.convoy.agent.inventory.FactSource;
import dev.convoy.agent.inventory.FactValue;
import dev.convoy.agent.inventory.Hostnames;
import dev.convoy.agent.inventory.InventoryCollector;
import dev.convoy.agent.inventory.ManagedPackage;
import dev.convoy.agent.inventory.custom.CustomFacts;
import dev.convoy.agent.inventory.packages.DpkgDatabase;
import dev.convoy.agent.inventory.packages.RpmDatabase;
import dev.convoy.agent.inventory.packages.SoftwareFacts;
import dev.convoy.agent.process.CommandRunner;
import dev.convoy.agent.process.Executables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;

/**
 * The whole collector on THIS machine (real OSHI, real dpkg database, a real facts.d script), compared with what
 * the system itself says: {@code nproc}, {@code /proc/meminfo}, {@code /etc/os-release}, {@code dpkg-query},
 * {@code /sys/class/net}. Collected once for all tests (a collection takes a few hundred milliseconds).
 */
class MachineInventoryTest {
  @TempDir
  static Path data;
  private static CollectedInventory collected;

  @BeforeAll
  static void collectOnce() throws Exception {
    Path factsDir = Files.createDirectories(data.resolve("facts.d"));
    Path script = factsDir.resolve("site");
    Files.writeString(script, "#!/bin/sh\necho site=paris\necho rack=12\n");
    script.toFile().setExecutable(true);
    SystemInfo system = new SystemInfo();
    CommandRunner runner = new CommandRunner();
    List<ManagedPackage> managed = List.of(new ManagedPackage("hello-convoy", "1.2.0", "installed"));
    List<FactSource> sources = List.of(
        new OsFacts(system.getOperatingSystem(), OsRelease::system, Hostnames::local, SystemTimeZone.system(),
            new SystemLocale(SystemLocale.DEFAULT_FILES)),
        new HardwareFacts(system.getHardware()), new FileSystemFacts(system.getOperatingSystem().getFileSystem()),
        new NetworkFacts(system.getHardware(), NetworkFacts.SYS_CLASS_NET), new UserFacts(system.getOperatingSystem()),
        new SoftwareFacts(List.of(new DpkgDatabase(runner, Executables.system(), null, Duration.ofSeconds(60)),
            new RpmDatabase(runner, Executables.system(), Duration.ofSeconds(60))), () -> managed),
        new CustomFacts(factsDir, Duration.ofSeconds(10), runner));
    collected = new InventoryCollector(sources, "0.1.0-test", () -> managed, Clock.systemUTC()).collect();
  }

  private static FactValue fact(String path) {
    return collected.facts().get(path).orElseThrow(() -> new AssertionError("no fact " + path + " among "
        + collected.facts().size() + " facts"));
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out.strip();
  }

  @Test
  void collect_thisMachine_everyPathIsCanonicalAndHealthIsOk() {
    assertThat(collected.facts().asMap().keySet()).allSatisfy(path ->
        assertThat(FactPath.isCanonical(path)).as(path).isTrue());
    assertThat(fact("agent.health")).isEqualTo(FactValue.text("ok"));
    assertThat(fact("agent.version")).isEqualTo(FactValue.text("0.1.0-test"));
  }

  @Test
  void cpuThreads_equalNprocAndAvailableProcessors() throws Exception {
    long nproc = Long.parseLong(run("nproc"));

    assertThat(fact("hardware.cpu.threads")).isEqualTo(FactValue.integer(nproc))
        .isEqualTo(FactValue.integer(Runtime.getRuntime().availableProcessors()));
    assertThat(((FactValue.Int) fact("hardware.cpu.cores")).value()).isBetween(1L, nproc);
    assertThat(((FactValue.Text) fact("hardware.cpu.model")).value()).isNotBlank();
  }

  @Test
  void memoryBytes_equalsMemTotalOfProcMeminfo() throws Exception {
    long kib = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
        .map(l -> l.replaceAll("[^0-9]", "")).mapToLong(Long::parseLong).findFirst().orElseThrow();

    assertThat(fact("hardware.memory_bytes")).isEqualTo(FactValue.integer(kib * 1024));
    assertThat(((FactValue.Real) fact("hardware.memory_gb")).value())
        .isCloseTo(kib * 1024 / Math.pow(2, 30), org.assertj.core.data.Offset.offset(0.051));
  }

  @Test
  void osIdentification_matchesEtcOsRelease() throws Exception {
    OsRelease etc = OsRelease.parse(Files.readString(Path.of("/etc/os-release")));

    assertThat(fact("os.id")).isEqualTo(FactValue.text(etc.get("ID").orElseThrow()));
    assertThat(fact("os.version")).isEqualTo(FactValue.text(etc.get("VERSION_ID").orElseThrow()));
    assertThat(fact("os.name")).isEqualTo(FactValue.text(etc.get("PRETTY_NAME").orElseThrow()));
    assertThat(fact("os.build")).isEqualTo(FactValue.text(run("uname", "-r")));
    assertThat(fact("host.name")).isEqualTo(FactValue.text(Hostnames.local()));
    assertThat(collected.facts().asMap()).containsKeys("os.family", "os.arch", "os.timezone", "os.locale",
        "os.boot_time", "os.uptime_s");
  }

  @Test
  void software_containsThePackagesOfThisMachinesDpkgDatabase() throws Exception {
    assumeTrue(Executables.system().find("dpkg-query").isPresent(), "a dpkg system");
    String bash = run("dpkg-query", "-W", "-f=${Version}", "bash");

    assertThat(fact("software.bash.version")).isEqualTo(FactValue.text(bash));
    assertThat(fact("software.bash.source")).isEqualTo(FactValue.text("dpkg"));
    assertThat(fact("software.bash.arch")).isEqualTo(FactValue.text(run("dpkg-query", "-W", "-f=${Architecture}", "bash")));
    long installed = run("dpkg-query", "-W", "-f=${db:Status-Abbrev}\\n").lines().filter(l -> l.charAt(1) == 'i').count();
    assertThat(collected.facts().asMap().keySet().stream().filter(p -> p.endsWith(".source"))
        .filter(p -> p.startsWith("software")).count()).isEqualTo(installed + 1); // + the convoy release
  }

  @Test
  void convoyReleaseUnknownToDpkg_isSoftwareWithSourceConvoy() {
    assertThat(fact("convoy.releases.hello-convoy.version")).isEqualTo(FactValue.text("1.2.0"));
    assertThat(fact("convoy.releases.hello-convoy.state")).isEqualTo(FactValue.text("installed"));
    assertThat(fact("software.hello-convoy.source")).isEqualTo(FactValue.text("convoy"));
    assertThat(fact("software.hello-convoy.version")).isEqualTo(FactValue.text("1.2.0"));
  }

  @Test
  void customFacts_fromFactsD() {
    assertThat(fact("facts.site")).isEqualTo(FactValue.text("paris"));
    assertThat(fact("facts.rack")).isEqualTo(FactValue.integer(12));
  }

  /** Every network device with a MAC that is hardware, or that has an address (what the inventory promises). */
  @Test
  void network_reportsTheMacOfEveryHardwareOrAddressedInterface() throws Exception {
    List<String> addressed = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
        .map(java.net.NetworkInterface::getName).toList();
    List<String[]> withMac;
    try (Stream<Path> nics = Files.list(Path.of("/sys/class/net"))) {
      withMac = nics.filter(n -> !n.getFileName().toString().equals("lo") && !n.getFileName().toString().startsWith("veth"))
          .filter(n -> addressed.contains(n.getFileName().toString()) || !realPath(n).contains("/devices/virtual/"))
          .map(n -> new String[] {n.getFileName().toString(), read(n.resolve("address"))})
          .filter(n -> n[1].matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}") && !n[1].equals("00:00:00:00:00:00")).toList();
    }
    assumeTrue(!withMac.isEmpty(), "an interface with a MAC");

    for (String[] nic : withMac) {
      assertThat(fact(FactPath.of("network", "interfaces").key(nic[0]).key("mac").toString()))
          .isEqualTo(FactValue.text(nic[1]));
    }
    assertThat(collected.facts().asMap().keySet()).noneMatch(p -> p.startsWith("network.interfaces.lo."));
  }

  @Test
  void filesystems_includeTheRootFileSystem() {
    assertThat(((FactValue.Int) fact("filesystems[\"/\"].total_bytes")).value()).isPositive();
    assertThat(((FactValue.Int) fact("filesystems[\"/\"].free_bytes")).value()).isNotNegative();
    assertThat(((FactValue.Text) fact("filesystems[\"/\"].type")).value()).isNotBlank();
  }

  private static String realPath(Path file) {
    try {
      return file.toRealPath().toString();
    } catch (IOException e) {
      return "";
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
