package dev.convoy.server.campaign.plan;

import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a failed attempt is tried again: if attempts are left and the failure is retryable (the installer said so,
 * or its exit code is listed). The wait before attempt {@code n + 1} is {@code backoff × 2^(n-1)}, capped at a day.
 *
 * @param maxAttempts including the first; 1 = no retry
 */
public record RetryPolicy(int maxAttempts, Duration backoff, Set<Integer> retryableExitCodes) {
  public static final int MAX_ATTEMPTS = 10;
  private static final Duration MAX_WAIT = Duration.ofDays(1);

  public RetryPolicy {
    backoff = Objects.requireNonNullElse(backoff, Duration.ZERO);
    retryableExitCodes = Set.copyOf(new TreeSet<>(retryableExitCodes));
  }

  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Set.of());
  }

  /** @throws ConvoyException INVALID_ARGUMENT naming {@code retry.*} */
  public RetryPolicy validated() {
    Require.inRange("retry.max_attempts", maxAttempts, 1, MAX_ATTEMPTS);
    if (backoff.isNegative() || backoff.compareTo(MAX_WAIT) > 0) {
      throw ConvoyException.invalidArgument("retry.backoff: " + backoff + " (expected: 0 to 1 day)");
    }
    if (retryableExitCodes.size() > 64) {
      throw ConvoyException.invalidArgument("retry.retryable_exit_codes: " + retryableExitCodes.size()
          + " codes (expected: at most 64)");
    }
    return this;
  }

  /** Whether a failure of {@code attempt} (retryable per the installer, or with this exit code) is tried again. */
  public boolean retries(int attempt, boolean installerSaysRetryable, int exitCode) {
    return attempt < maxAttempts && (installerSaysRetryable || (exitCode != 0 && retryableExitCodes.contains(exitCode)));
  }

  /** The wait after failed attempt {@code attempt} (1-based). */
  public Duration waitAfter(int attempt) {
    Duration wait = backoff;
    for (int i = 1; i < attempt && wait.compareTo(MAX_WAIT) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
  }
}
