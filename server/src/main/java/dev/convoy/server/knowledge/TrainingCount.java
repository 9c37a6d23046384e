package dev.convoy.server.knowledge;

/**
 * Training progress of one group for one release.
 *
 * @param group the group name
 * @param endpoints its endpoints targeted by an install campaign of the release, or that attested
 * @param attested how many of them have at least one user who attested
 */
public record TrainingCount(String group, int endpoints, int attested) {
  /** attested / endpoints in percent (0 for an empty group). */
  public double percent() {
    return endpoints == 0 ? 0 : 100.0 * attested / endpoints;
  }
}
