package dev.convoy.agent.deployment;

import java.util.Map;
import java.util.Set;

/**
 * Port: this endpoint's own inventory facts (canonical paths such as {@code os.version},
 * {@code software.fonts.version}), read when a release declares OS requirements, dependencies or conflicts.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface HostFacts {
  /** Knows no fact: OS requirements are not checked, and only Convoy's own installs count as installed packages. */
  HostFacts NONE = paths -> Map.of();

  /** The text of each fact at {@code paths} this endpoint has; absent when it has none. */
  Map<String, String> read(Set<String> paths);
}
