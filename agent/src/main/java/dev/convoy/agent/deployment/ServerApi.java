package dev.convoy.agent.deployment;

import dev.convoy.agent.download.PayloadSource;
import dev.convoy.agent.inventory.InventoryAck;
import dev.convoy.agent.inventory.InventoryReport;

/**
 * The Convoy server as the agent's domain code sees it: unary calls of {@code convoy.v1.AgentService} on
 * agent-side records. Implemented at the edge by {@code GrpcServerApi}; tests use an in-process server.
 * The endpoint id is the implementation's concern (it is the caller's certificate identity).
 *
 * <p>Every method throws {@link ServerException} when the call fails. Implementations are thread-safe.
 */
public interface ServerApi extends PayloadSource {
  /** The desired state; {@code knownRevision} is the last one this agent saw (0 at first). */
  DesiredState sync(long knownRevision);

  /** Sends one report; the answer says whether it was applied. */
  StatusAck report(StatusReport report);

  /** Sends an inventory report; the answer says whether the server wants a full one now. */
  InventoryAck reportInventory(InventoryReport report);
}
