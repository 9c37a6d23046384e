package dev.convoy.server.campaign;

import java.util.Optional;
import java.util.Set;

/**
 * Port: groups defined by an inventory query, which campaign targets ({@code group:NAME}) may name besides the static
 * enrollment groups. Implementations are thread-safe.
 */
@FunctionalInterface
public interface DynamicGroups {
  /** No dynamic groups at all. */
  DynamicGroups NONE = group -> Optional.empty();

  /** The endpoint ids the dynamic group {@code group} matches now, or empty if there is no such dynamic group. */
  Optional<Set<String>> members(String group);
}
