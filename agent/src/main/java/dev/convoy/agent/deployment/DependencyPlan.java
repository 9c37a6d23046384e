package dev.convoy.agent.deployment;

import dev.convoy.release.PackageConstraint;
import dev.convoy.release.SemanticVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order a pass walks the listed deployments in: uninstalls first (in the server's order: removing a package
 * can clear a conflict), then installs in topological order of their dependencies on one another — a deployment
 * whose release depends on another listed release (same package name, version in range) comes after it; ties keep
 * the server's order. Deployments on a dependency cycle are named with the cycle; they stay in the order at the
 * end, and {@link RelationGate} fails them. Immutable.
 */
final class DependencyPlan {
  /** Nothing listed. */
  static final DependencyPlan EMPTY = of(List.of());

  private final List<DeploymentSpec> ordered;
  private final Map<String, String> cycles;
  private final List<DeploymentSpec> listed;

  private DependencyPlan(List<DeploymentSpec> ordered, Map<String, String> cycles, List<DeploymentSpec> listed) {
    this.ordered = List.copyOf(ordered);
    this.cycles = Map.copyOf(cycles);
    this.listed = List.copyOf(listed);
  }

  /** Plans {@code listed} (the desired state's deployments, in the server's order). */
  static DependencyPlan of(List<DeploymentSpec> listed) {
    List<DeploymentSpec> ordered = new ArrayList<>();
    List<DeploymentSpec> installs = new ArrayList<>();
    for (DeploymentSpec spec : listed) {
      (spec.action() == DeploymentAction.INSTALL ? installs : ordered).add(spec);
    }
    Map<String, List<DeploymentSpec>> needs = new LinkedHashMap<>();
    for (DeploymentSpec spec : installs) {
      needs.put(spec.deploymentId(), installs.stream().filter(other -> other != spec && provides(spec, other))
          .toList());
    }
    Set<String> placed = new HashSet<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (DeploymentSpec spec : installs) {
        if (!placed.contains(spec.deploymentId())
            && needs.get(spec.deploymentId()).stream().allMatch(d -> placed.contains(d.deploymentId()))) {
          ordered.add(spec);
          placed.add(spec.deploymentId());
          progress = true;
          break; // start over: the server's order decides among those ready
        }
      }
    }
    Map<String, String> cycles = new HashMap<>();
    for (DeploymentSpec spec : installs) {
      if (!placed.contains(spec.deploymentId())) {
        ordered.add(spec);
        cycle(spec, needs).ifPresent(path -> cycles.put(spec.deploymentId(), path));
      }
    }
    return new DependencyPlan(ordered, cycles, listed);
  }

  /** Whether a dependency of {@code dependent} is met by installing {@code other}'s release. */
  static boolean provides(DeploymentSpec dependent, DeploymentSpec other) {
    SemanticVersion version = other.release().semanticVersion();
    return version != null && dependent.release().relations().dependencies().stream()
        .anyMatch(d -> d.matches(other.release().name(), version));
  }

  /** The cycle through {@code start}, written {@code a@1.0.0 -> b@1.0.0 -> a@1.0.0}, if it is on one. */
  private static Optional<String> cycle(DeploymentSpec start, Map<String, List<DeploymentSpec>> needs) {
    List<DeploymentSpec> path = new ArrayList<>();
    return walk(start, start, needs, path, new HashSet<>()) ? Optional.of(describe(path, start)) : Optional.empty();
  }

  private static boolean walk(DeploymentSpec at, DeploymentSpec start, Map<String, List<DeploymentSpec>> needs,
      List<DeploymentSpec> path, Set<String> seen) {
    path.add(at);
    for (DeploymentSpec next : needs.get(at.deploymentId())) {
      if (next == start || (seen.add(next.deploymentId()) && walk(next, start, needs, path, seen))) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    return false;
  }

  private static String describe(List<DeploymentSpec> path, DeploymentSpec start) {
    List<String> names = new ArrayList<>(path.stream().map(s -> s.release().coordinates()).toList());
    names.add(start.release().coordinates());
    return String.join(" -> ", names);
  }

  /** The deployments in the order to walk them. */
  List<DeploymentSpec> ordered() {
    return ordered;
  }

  /** The deployments as the server listed them. */
  List<DeploymentSpec> listed() {
    return listed;
  }

  /** The dependency cycle {@code deploymentId} is on, if any. */
  Optional<String> cycle(String deploymentId) {
    return Optional.ofNullable(cycles.get(deploymentId));
  }

  /** The position of a deployment in the order (those not listed go last, by id). */
  int rank(String deploymentId) {
    for (int i = 0; i < ordered.size(); i++) {
      if (ordered.get(i).deploymentId().equals(deploymentId)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  /** The listed install deployments of a release that would meet {@code dependency}. */
  List<DeploymentSpec> providers(PackageConstraint dependency) {
    return listed.stream().filter(s -> s.action() == DeploymentAction.INSTALL)
        .filter(s -> s.release().semanticVersion() != null
            && dependency.matches(s.release().name(), s.release().semanticVersion()))
        .toList();
  }
}
