package dev.convoy.server.campaign;

import java.time.Instant;
import java.util.Objects;

/** One entry of a deployment's history: the state it entered, in which attempt, when (server clock) and why. */
public record StateChange(DeploymentState state, int attempt, Instant at, String detail) {
  public static final int MAX_DETAIL = 200;

  public StateChange {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
    detail = detail == null ? "" : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
  }
}
