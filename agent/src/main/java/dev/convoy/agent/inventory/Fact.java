package dev.convoy.agent.inventory;

import java.util.Objects;

/**
 * One inventory fact: a canonical path ({@link FactPath}) and its value.
 *
 * @param path canonical, e.g. {@code software["g++"].version}
 */
public record Fact(String path, FactValue value) {
  public Fact {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(value, "value");
  }
}
