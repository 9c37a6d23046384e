package dev.convoy.server.catalogue;

import dev.convoy.release.PackageConstraint;
import java.util.List;
import java.util.Map;

/**
 * How a signed release relates to other packages and to the OS, as its verified manifest says. Immutable.
 *
 * @param dependencies packages that must be installed (or being installed) first
 * @param conflicts packages that must not be installed alongside
 * @param supersedes packages this release replaces (installing it upgrades them)
 * @param osRequirements minimum OS facts, fact path → literal or comparators ({@link dev.convoy.release.OsRequirements})
 */
public record PackageRelations(List<PackageConstraint> dependencies, List<PackageConstraint> conflicts,
    List<PackageConstraint> supersedes, Map<String, String> osRequirements) {
  /** No relations: unsigned releases, and signed ones that declare none. */
  public static final PackageRelations NONE = new PackageRelations(List.of(), List.of(), List.of(), Map.of());

  public PackageRelations {
    dependencies = List.copyOf(dependencies);
    conflicts = List.copyOf(conflicts);
    supersedes = List.copyOf(supersedes);
    osRequirements = Map.copyOf(osRequirements);
  }

  /** Whether there is nothing to check. */
  public boolean isEmpty() {
    return dependencies.isEmpty() && conflicts.isEmpty() && supersedes.isEmpty() && osRequirements.isEmpty();
  }
}
