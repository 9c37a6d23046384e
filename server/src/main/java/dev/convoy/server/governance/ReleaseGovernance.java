package dev.convoy.server.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A release's RACI and the readiness waivers its Accountable signed. Immutable.
 *
 * @param raci null when none is set
 */
public record ReleaseGovernance(Raci raci, List<ReadinessWaiver> waivers) {
  public static final ReleaseGovernance NONE = new ReleaseGovernance(null, List.of());

  public ReleaseGovernance {
    waivers = List.copyOf(waivers);
  }

  public Optional<Raci> raciIfSet() {
    return Optional.ofNullable(raci);
  }

  public ReleaseGovernance withRaci(Raci newRaci) {
    return new ReleaseGovernance(newRaci, waivers);
  }

  /** With {@code added}, each replacing an earlier waiver of the same item. */
  public ReleaseGovernance waived(List<ReadinessWaiver> added) {
    List<ReadinessWaiver> all = new ArrayList<>(waivers);
    for (ReadinessWaiver waiver : added) {
      all.removeIf(w -> w.item() == waiver.item());
      all.add(waiver);
    }
    return new ReleaseGovernance(raci, all);
  }

  public Optional<ReadinessWaiver> waiver(ReadinessItem item) {
    return waivers.stream().filter(w -> w.item() == item).findFirst();
  }
}
