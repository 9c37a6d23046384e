package dev.convoy.agent.inventory.packages;

import dev.convoy.agent.inventory.FactPath;
import dev.convoy.agent.inventory.FactSink;
import dev.convoy.agent.inventory.FactSource;
import dev.convoy.agent.inventory.ManagedPackage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code software["<name>"].version / upstream_version / source / arch} from the system package databases, and
 * {@code convoy.releases["<name>"].version / state} for the releases this agent manages. A release Convoy
 * installed whose name no database lists (an archive release) also appears as {@code software["<name>"]} with
 * source {@code convoy}. When two databases list a name, the first one wins. A failing database degrades the
 * health and contributes nothing.
 *
 * <p>Thread-safe if its databases and supplier are.
 */
public final class SoftwareFacts implements FactSource {
  private final List<PackageDatabase> databases;
  private final Supplier<List<ManagedPackage>> managed;

  /**
   * @param databases in order of precedence
   * @param managed the releases this agent installed (from the deployment journal)
   */
  public SoftwareFacts(List<PackageDatabase> databases, Supplier<List<ManagedPackage>> managed) {
    this.databases = List.copyOf(databases);
    this.managed = managed;
  }

  @Override
  public String name() {
    return "software";
  }

  @Override
  public void collect(FactSink sink) {
    Map<String, InstalledPackage> software = new TreeMap<>();
    for (PackageDatabase database : databases) {
      try {
        database.installed().orElse(List.of()).forEach(p -> software.putIfAbsent(p.name(), p));
      } catch (PackageQueryException e) {
        sink.degrade("software: " + e.getMessage());
      }
    }
    for (ManagedPackage release : managed.get()) {
      FactPath path = FactPath.of("convoy", "releases").key(release.name());
      sink.text(path.key("version"), release.version());
      sink.text(path.key("state"), release.state());
      software.putIfAbsent(release.name(),
          new InstalledPackage(release.name(), release.version(), release.version(), "", "convoy"));
    }
    software.values().forEach(p -> put(sink, p));
  }

  private static void put(FactSink sink, InstalledPackage p) {
    FactPath path = FactPath.of("software").key(p.name());
    sink.text(path.key("version"), p.version());
    sink.text(path.key("upstream_version"), p.upstreamVersion());
    sink.text(path.key("source"), p.source());
    Optional.of(p.arch()).filter(a -> !a.isEmpty()).ifPresent(a -> sink.text(path.key("arch"), a));
  }
}
