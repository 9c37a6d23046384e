package dev.convoy.agent.deployment;

import dev.convoy.release.PackageConstraint;
import java.util.List;
import java.util.Map;

/**
 * How a release relates to other packages and to the OS, as the server read it from the signed manifest (the agent
 * verifies the manifest's hash before installing, so these are the signed values). Immutable.
 *
 * @param dependencies packages that must be installed first
 * @param conflicts packages that must not be installed alongside
 * @param supersedes packages this release replaces: installing it is an upgrade of them, and afterwards they are no
 *     longer listed as installed
 * @param osRequirements minimum OS facts ({@link dev.convoy.release.OsRequirements})
 */
public record Relations(List<PackageConstraint> dependencies, List<PackageConstraint> conflicts,
    List<PackageConstraint> supersedes, Map<String, String> osRequirements) {
  /** No relations. */
  public static final Relations NONE = new Relations(List.of(), List.of(), List.of(), Map.of());

  public Relations {
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    supersedes = supersedes == null ? List.of() : List.copyOf(supersedes);
    osRequirements = osRequirements == null ? Map.of() : Map.copyOf(osRequirements);
  }
}
