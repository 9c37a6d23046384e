package dev.convoy.server.governance;

import dev.convoy.server.catalogue.Release;
import dev.convoy.server.catalogue.ReleaseDocument;
import dev.convoy.server.catalogue.SignedManifest;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a release may go to production campaigns: which {@link ReadinessItem}s its signed documents provide, and
 * the waivers its Accountable signed for the others. Immutable.
 *
 * @param present the items its documents provide (an unsigned release provides none)
 */
public record Readiness(String releaseRef, Set<ReadinessItem> present, List<ReadinessWaiver> waivers) {
  public Readiness {
    present = present.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(present));
    waivers = List.copyOf(waivers);
  }

  /** The readiness of {@code release} with {@code governance}'s waivers. */
  public static Readiness of(Release release, ReleaseGovernance governance) {
    List<ReleaseDocument> documents = release.signed().map(SignedManifest::documents).orElse(List.of());
    Set<ReadinessItem> present = EnumSet.noneOf(ReadinessItem.class);
    for (ReadinessItem item : ReadinessItem.values()) {
      if (documents.stream().anyMatch(d -> d.kind().equals(item.documentKind()))) {
        present.add(item);
      }
    }
    return new Readiness(release.ref(), present, governance.waivers());
  }

  public Optional<ReadinessWaiver> waiver(ReadinessItem item) {
    return waivers.stream().filter(w -> w.item() == item).findFirst();
  }

  /** Items neither present nor waived, in the order of {@link ReadinessItem}. */
  public List<ReadinessItem> missing() {
    return EnumSet.allOf(ReadinessItem.class).stream()
        .filter(item -> !present.contains(item) && waiver(item).isEmpty()).toList();
  }

  public boolean ready() {
    return missing().isEmpty();
  }

  /** E.g. "technician KB article, training item". */
  public static String labels(List<ReadinessItem> items) {
    return items.stream().map(ReadinessItem::label).collect(Collectors.joining(", "));
  }

  /** The refusal of a production campaign, naming what is missing and the ways out. */
  public String refusal() {
    List<ReadinessItem> missing = missing();
    return "release " + releaseRef + " is not ready for a production campaign: missing " + labels(missing)
        + " (expected: the release carries them, or its Accountable waives them: convoy release waive "
        + releaseRef + " --missing " + missing.stream().map(ReadinessItem::key).collect(Collectors.joining(","))
        + " --comment TEXT; or create a --pilot campaign)";
  }
}
