package dev.convoy.agent.inventory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the whole inventory: every {@link FactSource} in turn, then {@code agent.version} and
 * {@code agent.health} ({@code ok}, or {@code degraded: <reason>; <reason>} naming what went wrong). A source that
 * throws costs only its own facts. Also fills the deprecated summary.
 *
 * <p>Thread-safe if its sources are used by one thread at a time: {@link #collect} is synchronized.
 */
public final class InventoryCollector {
  private static final Logger logger = LoggerFactory.getLogger(InventoryCollector.class);
  /** {@code agent.health} when nothing went wrong. */
  public static final String HEALTHY = "ok";

  private final List<FactSource> sources;
  private final String agentVersion;
  private final Supplier<List<ManagedPackage>> managedPackages;
  private final Clock clock;

  /**
   * @param sources collected in this order; later facts at the same path replace earlier ones
   * @param managedPackages the releases this agent installed (for the deprecated summary)
   */
  public InventoryCollector(List<FactSource> sources, String agentVersion,
      Supplier<List<ManagedPackage>> managedPackages, Clock clock) {
    this.sources = List.copyOf(sources);
    this.agentVersion = agentVersion;
    this.managedPackages = managedPackages;
    this.clock = clock;
  }

  /** A fresh collection; never throws for a failing source. */
  public synchronized CollectedInventory collect() {
    Sink sink = new Sink();
    for (FactSource source : sources) {
      sink.area = source.name();
      try {
        source.collect(sink);
      } catch (RuntimeException | LinkageError e) {
        logger.warn("inventory source failed source={} reason=\"{}\"", source.name(), e.toString());
        sink.degrade(source.name() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
    }
    sink.area = "agent";
    if (sink.facts.size() > Inventory.MAX_FACTS) {
      sink.degrade("inventory: " + sink.facts.size() + " facts (expected: <= " + Inventory.MAX_FACTS + ", the server's limit)");
    }
    sink.text(FactPath.of("agent", "version"), agentVersion);
    sink.put(FactPath.of("agent", "health"), FactValue.text(health(sink.problems)));
    Inventory facts = sink.facts.build();
    return new CollectedInventory(facts, summary(facts), clock.instant());
  }

  /** {@code ok} or {@code degraded: a; b}, cut to the text limit. */
  static String health(List<String> problems) {
    if (problems.isEmpty()) {
      return HEALTHY;
    }
    String health = "degraded: " + String.join("; ", problems);
    return health.length() <= 1000 ? health : health.substring(0, 999) + "…";
  }

  private InventorySummary summary(Inventory facts) {
    return new InventorySummary(facts.text("host.name").orElseGet(Hostnames::local),
        facts.text("os.name").orElse(System.getProperty("os.name")),
        facts.text("os.version").orElse(System.getProperty("os.version")),
        System.getProperty("os.arch"), agentVersion, managedPackages.get());
  }

  /** Collects into one builder, remembering the area being collected for messages. */
  private static final class Sink implements FactSink {
    final Inventory.Builder facts = Inventory.builder();
    final List<String> problems = new ArrayList<>();
    String area = "";

    @Override
    public void put(FactPath path, FactValue value) {
      Optional<String> problem = facts.offer(path, value);
      if (problem.isPresent()) {
        logger.warn("inventory fact dropped source={} reason=\"{}\"", area, problem.get());
        degrade(area + ": dropped " + problem.get());
      }
    }

    @Override
    public Optional<String> putAll(Inventory.Builder more) {
      Optional<String> problem = facts.problem(more);
      if (problem.isEmpty()) {
        facts.putAll(more);
      }
      return problem;
    }

    @Override
    public void degrade(String reason) {
      problems.add(reason);
    }
  }
}
