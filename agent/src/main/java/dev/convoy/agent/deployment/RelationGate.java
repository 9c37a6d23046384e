package dev.convoy.agent.deployment;

import dev.convoy.agent.inventory.FactPath;
import dev.convoy.agent.inventory.ManagedPackage;
import dev.convoy.release.OsRequirements;
import dev.convoy.release.PackageConstraint;
import dev.convoy.release.SemanticVersion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a release's relations allow on this endpoint, checked when it is offered (nothing downloaded yet) and again
 * just before the install permit is asked for:
 * <ul>
 *   <li>a release on a dependency cycle of the desired state fails, naming the cycle;</li>
 *   <li>a release that conflicts with an installed package fails (unless it also supersedes that package);</li>
 *   <li>a release whose OS requirements this endpoint's facts contradict fails (a fact it does not have counts as
 *       met: the server and the installer are then the judges);</li>
 *   <li>a dependency must be installed, in range; while a listed deployment that provides it is still under way
 *       the dependent waits, and when none is, the dependent fails "dependency … missing". Failing beats waiting
 *       there: nothing would ever end the wait, the server already refused campaigns whose dependencies were not
 *       covered, and a failure shows in the campaign (and is retried by its retry policy).</li>
 * </ul>
 * Installed means installed by this agent ({@link DeploymentJournal#managedPackages()}) or, for a package it did
 * not install, listed by the system package database ({@code software.<name>}), read by its upstream version.
 *
 * <p>Thread-safe: the plan is replaced at the start of each pass and read by the same worker.
 */
final class RelationGate {
  private static final Pattern UPSTREAM = Pattern.compile("^(?:\\d+:)?(\\d+(?:\\.\\d+){0,2})");

  private final DeploymentJournal journal;
  private final HostFacts facts;
  private volatile DependencyPlan plan = DependencyPlan.EMPTY;

  RelationGate(DeploymentJournal journal, HostFacts facts) {
    this.journal = journal;
    this.facts = facts;
  }

  /** The plan of the pass that begins. */
  void plan(DependencyPlan next) {
    plan = next;
  }

  DependencyPlan plan() {
    return plan;
  }

  /** Why {@code spec} must fail at once (a dependency cycle, a conflict, an OS requirement), if it must. */
  Optional<String> refusal(DeploymentSpec spec) {
    Relations relations = spec.release().relations();
    Optional<String> cycle = plan.cycle(spec.deploymentId());
    if (cycle.isPresent()) {
      return Optional.of("dependency cycle: " + cycle.get() + "; nothing installed");
    }
    for (PackageConstraint conflict : relations.conflicts()) {
      boolean superseded = relations.supersedes().stream().anyMatch(s -> s.name().equals(conflict.name()));
      Optional<String> version = installed(conflict);
      if (!superseded && !conflict.name().equals(spec.release().name()) && version.isPresent()) {
        return Optional.of("conflict: " + conflict.name() + " " + version.get() + " is installed (the release"
            + " conflicts with " + conflict.name() + " " + conflict.versions() + "); nothing installed");
      }
    }
    if (!relations.osRequirements().isEmpty()) {
      Map<String, String> own = facts.read(relations.osRequirements().keySet());
      List<String> contradictions = OsRequirements.contradictions(relations.osRequirements(), own::get);
      if (!contradictions.isEmpty()) {
        return Optional.of("OS requirements not met: " + String.join(", ", contradictions) + "; nothing installed");
      }
    }
    return Optional.empty();
  }

  /**
   * The first dependency of {@code spec} that is neither installed nor under way, if any.
   *
   * @throws Waiting while a listed deployment that provides a dependency has not finished
   */
  Optional<String> missingDependency(DeploymentSpec spec) throws Waiting {
    for (PackageConstraint dependency : spec.release().relations().dependencies()) {
      if (installed(dependency).isPresent()) {
        continue;
      }
      for (DeploymentSpec provider : plan.providers(dependency)) {
        Optional<JournalEntry> entry = journal.find(provider.deploymentId());
        if (entry.isEmpty() || !entry.get().state().terminal()) {
          throw new Waiting(null, false, "dependency " + dependency.name() + " " + dependency.versions()
              + " not installed yet: waiting for deployment " + provider.deploymentId() + " ("
              + provider.release().coordinates() + ", " + entry.map(e -> e.state().name()).orElse("not started")
              + ")");
        }
      }
      return Optional.of("dependency " + dependency.name() + " " + dependency.versions() + " missing: neither"
          + " installed nor pending in the desired state; nothing installed");
    }
    return Optional.empty();
  }

  /** As {@link #missingDependency}, but a dependency still under way is no refusal (the walk waits later). */
  Optional<String> missingDependencyNow(DeploymentSpec spec) {
    try {
      return missingDependency(spec);
    } catch (Waiting underWay) {
      return Optional.empty();
    }
  }

  /** The installed version of the constraint's package, when it is in range. */
  private Optional<String> installed(PackageConstraint constraint) {
    List<String> versions = new ArrayList<>();
    journal.managedPackages().stream().filter(p -> p.name().equals(constraint.name()))
        .map(ManagedPackage::version).forEach(versions::add);
    FactPath software = FactPath.of("software").key(constraint.name());
    Set<String> paths = new LinkedHashSet<>(List.of(software.key("upstream_version").toString(),
        software.key("version").toString()));
    Map<String, String> own = facts.read(paths);
    paths.stream().map(own::get).filter(v -> v != null && !v.isBlank()).forEach(versions::add);
    return versions.stream().filter(v -> semantic(v).filter(constraint.versions()::contains).isPresent())
        .findFirst();
  }

  /** A reported version as a semantic version: as is, else its upstream part padded ({@code 1:2.4-1} → 2.4.0). */
  static Optional<SemanticVersion> semantic(String version) {
    try {
      return Optional.of(SemanticVersion.parse(version));
    } catch (IllegalArgumentException e) {
      Matcher m = UPSTREAM.matcher(version);
      if (!m.find()) {
        return Optional.empty();
      }
      String[] parts = (m.group(1) + ".0.0").split("\\.");
      try {
        return Optional.of(SemanticVersion.parse(Long.parseLong(parts[0]) + "." + Long.parseLong(parts[1]) + "."
            + Long.parseLong(parts[2])));
      } catch (IllegalArgumentException tooLong) {
        return Optional.empty();
      }
    }
  }
}
