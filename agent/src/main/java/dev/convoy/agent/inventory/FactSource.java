package dev.convoy.agent.inventory;

/**
 * One area of the inventory (OS, hardware, software, custom facts ...): a port, so that each area is collected,
 * replaced and tested on its own. Implementations are called from one thread at a time.
 */
public interface FactSource {
  /** The area's name in logs and in {@code agent.health} reasons, e.g. {@code software}. */
  String name();

  /**
   * Puts this area's facts into {@code sink}. A problem that costs some facts goes to {@link FactSink#degrade};
   * a RuntimeException is also caught by the collector (the facts put before it stay) and degrades the health.
   */
  void collect(FactSink sink);
}
