package dev.convoy.agent.session;

/** What arrives on an open session stream. Called from transport threads; implementations must be thread-safe. */
public interface SessionListener {
  /** The server's desired state changed: call Sync. */
  void revisionReady(long revision);

  /** The server asks for a full inventory report ({@code InventoryRequest}). */
  void inventoryRequested();

  /** The stream ended: {@code cause} is null when the server closed it cleanly. */
  void closed(Throwable cause);
}
