package dev.convoy.agent;

import dev.convoy.agent.config.AgentConfig;
import dev.convoy.agent.inventory.FactSink;
import dev.convoy.agent.inventory.FactSource;
import dev.convoy.agent.inventory.Hostnames;
import dev.convoy.agent.inventory.InventoryCollector;
import dev.convoy.agent.inventory.ManagedPackage;
import dev.convoy.agent.inventory.custom.CustomFacts;
import dev.convoy.agent.inventory.packages.DpkgDatabase;
import dev.convoy.agent.inventory.packages.RpmDatabase;
import dev.convoy.agent.inventory.packages.SoftwareFacts;
import dev.convoy.agent.inventory.system.FileSystemFacts;
import dev.convoy.agent.inventory.system.HardwareFacts;
import dev.convoy.agent.inventory.system.NetworkFacts;
import dev.convoy.agent.inventory.system.OsFacts;
import dev.convoy.agent.inventory.system.OsRelease;
import dev.convoy.agent.inventory.system.SystemLocale;
import dev.convoy.agent.inventory.system.SystemTimeZone;
import dev.convoy.agent.inventory.system.UserFacts;
import dev.convoy.agent.process.CommandRunner;
import dev.convoy.agent.process.Executables;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/** Part of the composition root: the inventory sources of this machine, in report order. */
final class InventorySetup {
  private static final Logger logger = LoggerFactory.getLogger(InventorySetup.class);
  /** How long a package database query may take (a cold cache on a slow disk with thousands of packages). */
  static final Duration PACKAGE_QUERY_TIMEOUT = Duration.ofSeconds(60);

  private InventorySetup() {}

  /** The collector over every source of this machine. */
  static InventoryCollector collector(AgentConfig config, Supplier<List<ManagedPackage>> managed, Clock clock) {
    return new InventoryCollector(sources(config, managed), AgentVersion.current(), managed, clock);
  }

  static List<FactSource> sources(AgentConfig config, Supplier<List<ManagedPackage>> managed) {
    CommandRunner runner = new CommandRunner();
    Executables executables = Executables.system();
    List<FactSource> sources = new ArrayList<>(systemSources());
    sources.add(new SoftwareFacts(List.of(new DpkgDatabase(runner, executables, null, PACKAGE_QUERY_TIMEOUT),
        new RpmDatabase(runner, executables, PACKAGE_QUERY_TIMEOUT)), managed));
    sources.add(new CustomFacts(config.dataDir().factsDir(), config.factsTimeout(), runner));
    return sources;
  }

  /** The OSHI sources; if OSHI cannot start here (no native access), a source that says so in agent.health. */
  private static List<FactSource> systemSources() {
    try {
      SystemInfo system = new SystemInfo();
      HardwareAbstractionLayer hardware = system.getHardware();
      OperatingSystem os = system.getOperatingSystem();
      return List.of(new OsFacts(os, OsRelease::system, Hostnames::local, SystemTimeZone.system(),
          new SystemLocale(SystemLocale.DEFAULT_FILES)), new HardwareFacts(hardware),
          new FileSystemFacts(os.getFileSystem()), new NetworkFacts(hardware, NetworkFacts.SYS_CLASS_NET), new UserFacts(os));
    } catch (RuntimeException | LinkageError e) {
      logger.error("system inventory unavailable reason=\"{}\"", e.toString());
      String reason = "system: unavailable: " + e;
      return List.of(new FactSource() {
        @Override
        public String name() {
          return "system";
        }

        @Override
        public void collect(FactSink sink) {
          sink.degrade(reason);
        }
      });
    }
  }

  /**
   * The text of the facts at {@code paths} from a fresh collection (releases with relations are rare, and a stale
   * view could let an install through that the OS no longer allows). Non-text facts are given as text.
   */
  static java.util.Map<String, String> facts(InventoryCollector collector, java.util.Set<String> paths) {
    java.util.Map<String, String> found = new java.util.TreeMap<>();
    dev.convoy.agent.inventory.Inventory facts = collector.collect().facts();
    for (String path : paths) {
      facts.get(path).ifPresent(value -> found.put(path, text(value)));
    }
    return found;
  }

  private static String text(dev.convoy.agent.inventory.FactValue value) {
    if (value instanceof dev.convoy.agent.inventory.FactValue.Text t) {
      return t.value();
    } else if (value instanceof dev.convoy.agent.inventory.FactValue.Int n) {
      return Long.toString(n.value());
    } else if (value instanceof dev.convoy.agent.inventory.FactValue.Real r) {
      return Double.toString(r.value());
    }
    return Boolean.toString(((dev.convoy.agent.inventory.FactValue.Flag) value).value());
  }
}
