package dev.convoy.server.endpoint;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which endpoints have a session stream open now, and when each was last heard from. In memory only: presence is
 * a property of live connections, and writing every ping durably would cost an fsync per ping. The durable
 * {@link Endpoint#lastSeen()} is updated at session open and on inventory.
 *
 * <p>Thread-safe.
 */
public final class Presence {
  private record State(boolean online, Instant lastSeen) {}

  private final Map<String, State> states = new ConcurrentHashMap<>();

  public void online(String endpointId, Instant at) {
    states.put(endpointId, new State(true, at));
  }

  public void offline(String endpointId, Instant at) {
    states.put(endpointId, new State(false, at));
  }

  /** Records that the endpoint was heard from, keeping its online flag. */
  public void heardFrom(String endpointId, Instant at) {
    states.compute(endpointId, (id, old) -> new State(old != null && old.online(), at));
  }

  public boolean isOnline(String endpointId) {
    State state = states.get(endpointId);
    return state != null && state.online();
  }

  public Optional<Instant> lastSeen(String endpointId) {
    return Optional.ofNullable(states.get(endpointId)).map(State::lastSeen);
  }
}
