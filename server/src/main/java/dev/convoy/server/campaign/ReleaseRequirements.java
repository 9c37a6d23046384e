package dev.convoy.server.campaign;

import dev.convoy.release.OsRequirements;
import dev.convoy.release.PackageConstraint;
import dev.convoy.release.SemanticVersion;
import dev.convoy.server.catalogue.PackageRelations;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.endpoint.ManagedPackage;
import dev.convoy.server.error.ConvoyException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, when an INSTALL campaign is created, that its release can be installed on each target, as WAPT and SCCM
 * do before they deploy:
 * <ul>
 *   <li>every dependency is installed there in range (the endpoint's inventory or managed packages), or an open
 *       campaign (not terminal) installs a release of it in range there (its deployment not failed);</li>
 *   <li>no conflicting package is installed there in range;</li>
 *   <li>the endpoint's inventory facts do not contradict the OS requirements. A fact the endpoint did not report
 *       is allowed: the agent, which knows its own facts, checks again before installing.</li>
 * </ul>
 * The agent enforces all three again at install time; this check only refuses early what cannot work. Installed
 * versions that are not semantic versions (e.g. Debian {@code 1:2.4.0-1}) are read by their upstream part
 * ({@code 2.4.0}). Thread-safe.
 */
final class ReleaseRequirements {
  /** Most endpoints named per problem in a refusal. */
  static final int MAX_NAMED = 10;
  private static final Pattern UPSTREAM = Pattern.compile("^(?:\\d+:)?(\\d+(?:\\.\\d+){0,2})");

  private final CampaignContext ctx;
  private final TargetInventory inventory;

  ReleaseRequirements(CampaignContext ctx, TargetInventory inventory) {
    this.ctx = ctx;
    this.inventory = inventory;
  }

  /**
   * @param targets the resolved target endpoints of the campaign being created
   * @throws ConvoyException FAILED_PRECONDITION naming every unmet requirement and up to {@value #MAX_NAMED}
   *     endpoints for each
   */
  void check(Release release, DeploymentAction action, List<String> targets) {
    PackageRelations relations = release.relations();
    if (action != DeploymentAction.INSTALL || relations.isEmpty()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (PackageConstraint dependency : relations.dependencies()) {
      Set<String> deploying = openDeployments(dependency);
      List<String> lacking = targets.stream()
          .filter(t -> installed(t, dependency).isEmpty() && !deploying.contains(t)).toList();
      if (!lacking.isEmpty()) {
        problems.add("dependencies: " + dependency.name() + " " + dependency.versions()
            + " is neither installed nor being deployed on " + named(lacking));
      }
    }
    for (PackageConstraint conflict : relations.conflicts()) {
      List<String> holding = new ArrayList<>();
      for (String target : targets) {
        installed(target, conflict).ifPresent(version -> holding.add(target + " " + version));
      }
      if (!holding.isEmpty()) {
        problems.add("conflicts: " + conflict.name() + " " + conflict.versions() + " is installed on "
            + named(holding));
      }
    }
    checkOs(relations.osRequirements(), targets, problems);
    if (!problems.isEmpty()) {
      throw ConvoyException.failedPrecondition("release " + release.ref() + " cannot be installed on its targets: "
          + String.join("; ", problems));
    }
  }

  private void checkOs(Map<String, String> requirements, List<String> targets, List<String> problems) {
    if (requirements.isEmpty()) {
      return;
    }
    List<String> contradicted = new ArrayList<>();
    for (String target : targets) {
      Map<String, String> facts = inventory.facts(target, requirements.keySet());
      List<String> found = OsRequirements.contradictions(requirements, facts::get);
      if (!found.isEmpty()) {
        contradicted.add(target + ": " + String.join(", ", found));
      }
    }
    if (!contradicted.isEmpty()) {
      problems.add("os_requirements: not met on " + named(contradicted));
    }
  }

  /** The version of the constraint's package installed on the endpoint, when it is in range. */
  private Optional<String> installed(String endpointId, PackageConstraint constraint) {
    List<String> versions = new ArrayList<>();
    inventory.installedVersion(endpointId, constraint.name()).ifPresent(versions::add);
    ctx.endpoints().find(endpointId).map(Endpoint::managedPackages).orElse(List.of()).stream()
        .filter(p -> p.name().equals(constraint.name())).map(ManagedPackage::version).forEach(versions::add);
    return versions.stream().filter(v -> semantic(v).filter(constraint.versions()::contains).isPresent())
        .findFirst();
  }

  /** Endpoints where an open campaign installs a release of the constraint's package in range. */
  private Set<String> openDeployments(PackageConstraint constraint) {
    Set<String> covered = new HashSet<>();
    for (Campaign campaign : ctx.campaigns().list()) {
      if (campaign.state().isTerminal() || campaign.action() != DeploymentAction.INSTALL
          || !campaign.releaseName().equals(constraint.name())
          || semantic(campaign.releaseVersion()).filter(constraint.versions()::contains).isEmpty()) {
        continue;
      }
      if (campaign.state() == CampaignState.DRAFT || campaign.state() == CampaignState.SCHEDULED) {
        covered.addAll(new TargetResolver(ctx).resolve(campaign.targets()));
      } else {
        ctx.deployments().listByCampaign(campaign.id()).stream()
            .filter(d -> !d.state().isFailure() && d.state() != DeploymentState.CANCELLED)
            .forEach(d -> covered.add(d.endpointId()));
      }
    }
    return covered;
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

  private static String named(List<String> endpoints) {
    String shown = String.join(", ", endpoints.subList(0, Math.min(MAX_NAMED, endpoints.size())));
    String more = endpoints.size() > MAX_NAMED ? ", … " + (endpoints.size() - MAX_NAMED) + " more" : "";
    return endpoints.size() + (endpoints.size() == 1 ? " target (" : " targets (") + shown + more + ")";
  }
}
