package dev.convoy.server.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an endpoint's inventory history.
 *
 * @param oldValue null when {@link ChangeKind#ADDED}
 * @param newValue null when {@link ChangeKind#REMOVED}
 * @param reason the reason the report gave ({@code schedule}, {@code install} ...), may be empty
 */
public record FactChange(Instant at, String path, ChangeKind kind, Object oldValue, Object newValue, String reason) {
  public FactChange {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    reason = Objects.requireNonNullElse(reason, "");
  }
}
