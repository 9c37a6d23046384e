package dev.convoy.server.inventory;

import java.util.Objects;

/**
 * One inventory fact as reported: a canonical path and a scalar ({@code String}, {@code Long}, {@code Double} or
 * {@code Boolean}). {@code value} is null when the report left it unset, which validation refuses.
 */
public record Fact(String path, Object value) {
  public Fact {
    Objects.requireNonNull(path, "path");
  }
}
