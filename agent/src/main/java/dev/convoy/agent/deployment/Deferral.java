package dev.convoy.agent.deployment;

import java.time.Duration;
import java.time.Instant;

/**
 * The user's room to postpone a PUSH (the agent's mirror of {@code convoy.v1.Deferral}). The server enforces it;
 * the agent shows it and asks.
 *
 * @param maxCount 0: deferral is not allowed
 * @param maxTotal zero: no limit on the total time
 * @param deferredUntil the current deferral as the server stored it, or null
 * @param latest no deferral may end after this (the deadline), or null
 */
public record Deferral(int maxCount, Duration maxTotal, int usedCount, Duration usedTotal, Instant deferredUntil,
    Instant latest) {
  /** No deferral allowed, none used. */
  public static final Deferral NONE = new Deferral(0, Duration.ZERO, 0, Duration.ZERO, null, null);

  public Deferral {
    maxTotal = maxTotal == null ? Duration.ZERO : maxTotal;
    usedTotal = usedTotal == null ? Duration.ZERO : usedTotal;
  }
}
