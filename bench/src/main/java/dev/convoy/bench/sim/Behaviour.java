package dev.convoy.bench.sim;

import java.time.Duration;

/**
 * How simulated agents behave.
 *
 * @param successRate fraction of installs that succeed (the rest report FAILED with exit code 1)
 * @param installDuration how long an install runs between the INSTALLING permit and VERIFYING
 * @param download whether DOWNLOADING fetches the payload through the Download RPC (false: reports only, for
 *     benchmarks of the status path alone)
 * @param backoffInitial first reconnect ceiling (the real agent's default: 1 s); delays are drawn in [0, ceiling)
 * @param backoffMax largest reconnect ceiling (the real agent's default: 60 s)
 * @param pingInterval time between session pings and the HTTP/2 keepalive time (the real agent's: 60 s each)
 * @param permitRetry how long to wait before asking again after the INSTALLING permit was refused
 */
public record Behaviour(double successRate, Duration installDuration, boolean download, Duration backoffInitial,
    Duration backoffMax, Duration pingInterval, Duration permitRetry) {
  public Behaviour {
    if (successRate < 0 || successRate > 1) {
      throw new IllegalArgumentException("successRate: " + successRate + " (expected: 0..1)");
    }
  }

  /** The real agent's defaults, installs that all succeed at once, with downloads. */
  public static Behaviour defaults() {
    return new Behaviour(1.0, Duration.ZERO, true, Duration.ofSeconds(1), Duration.ofSeconds(60),
        Duration.ofSeconds(60), Duration.ofSeconds(1));
  }

  public Behaviour withSuccessRate(double rate) {
    return new Behaviour(rate, installDuration, download, backoffInitial, backoffMax, pingInterval, permitRetry);
  }

  public Behaviour withInstallDuration(Duration duration) {
    return new Behaviour(successRate, duration, download, backoffInitial, backoffMax, pingInterval, permitRetry);
  }

  public Behaviour withPingInterval(Duration interval) {
    return new Behaviour(successRate, installDuration, download, backoffInitial, backoffMax, interval, permitRetry);
  }

  public Behaviour withDownload(boolean fetch) {
    return new Behaviour(successRate, installDuration, fetch, backoffInitial, backoffMax, pingInterval, permitRetry);
  }
}
