package dev.convoy.server.endpoint;

import dev.convoy.server.storage.ChangeSet;
import java.util.List;
import java.util.Optional;

/**
 * Port: where endpoints and their desired-state revisions are kept. Reads see every committed change.
 * Implementations are thread-safe.
 */
public interface EndpointStore {
  Optional<Endpoint> find(String endpointId);

  /** Every endpoint, in id order. */
  List<Endpoint> list();

  /** Stages a create-or-replace of {@code endpoint}. */
  void put(ChangeSet changes, Endpoint endpoint);

  /** The endpoint's desired-state revision: 0 until something was first assigned to it. */
  long revision(String endpointId);

  /**
   * Stages "revision + 1" for the endpoint. Increments commute (no read-modify-write), so concurrent campaigns can
   * bump the same endpoint without a lock.
   */
  void bumpRevision(ChangeSet changes, String endpointId);
}
