package dev.convoy.release;

/**
 * A reference to other releases of a package: a dependency, a conflict or a superseded release.
 *
 * @param name the package name ({@link ReleaseManifest#NAME_PATTERN})
 * @param versions the versions meant
 */
public record PackageConstraint(String name, VersionRange versions) {
  /** @throws IllegalArgumentException naming the field that is wrong */
  public PackageConstraint {
    Text.matches("name", name, ReleaseManifest.NAME_PATTERN, ReleaseManifest.NAME_RULE);
    Text.required("versions", versions);
  }

  /** Parses the range text. @throws IllegalArgumentException naming the field that is wrong */
  public static PackageConstraint of(String name, String versions) {
    return new PackageConstraint(name, VersionRange.parse(versions));
  }

  /** Whether {@code version} of package {@code packageName} is meant. */
  public boolean matches(String packageName, SemanticVersion version) {
    return name.equals(packageName) && versions.contains(version);
  }
}
