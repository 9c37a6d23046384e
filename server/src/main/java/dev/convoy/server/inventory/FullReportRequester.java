package dev.convoy.server.inventory;

/**
 * Port: asks a connected agent for a full inventory report now (the session hub sends an {@code InventoryRequest}
 * hint). Implementations are thread-safe and do not block.
 */
@FunctionalInterface
public interface FullReportRequester {
  /** @return true if the endpoint has a session open and the request was queued on it */
  boolean requestFullReport(String endpointId);
}
