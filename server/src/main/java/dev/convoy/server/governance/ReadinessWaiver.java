package dev.convoy.server.governance;

import java.time.Instant;
import java.util.Objects;

/** The release Accountable's waiver of one missing readiness item. Immutable. @param by person name */
public record ReadinessWaiver(ReadinessItem item, String by, Instant at, String comment) {
  public ReadinessWaiver {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
    comment = Objects.requireNonNullElse(comment, "");
  }
}
