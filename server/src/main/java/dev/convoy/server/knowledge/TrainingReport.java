package dev.convoy.server.knowledge;

import java.util.List;

/**
 * Who took a release's training: per group, and overall (an endpoint in several groups counts once overall).
 *
 * @param item the training item
 * @param groups per group, by name
 * @param endpoints distinct endpoints targeted or attested
 * @param attested distinct endpoints with an attestation
 */
public record TrainingReport(TrainingItem item, List<TrainingCount> groups, int endpoints, int attested) {
  public TrainingReport {
    groups = List.copyOf(groups);
  }
}
