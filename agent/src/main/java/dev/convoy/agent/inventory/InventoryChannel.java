package dev.convoy.agent.inventory;

/**
 * Where inventory reports go: {@code AgentService.ReportInventory}, implemented at the edge (the agent's
 * {@code ServerApi}). Implementations are thread-safe and throw the agent's {@code ServerException} when the
 * call fails.
 */
@FunctionalInterface
public interface InventoryChannel {
  InventoryAck send(InventoryReport report);
}
