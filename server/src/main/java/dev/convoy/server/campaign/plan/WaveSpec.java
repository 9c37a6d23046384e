package dev.convoy.server.campaign.plan;

import dev.convoy.server.endpoint.EndpointNames;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One phase of a phased campaign: which targets it takes (explicit groups, or a percentage of the targets no group
 * wave took) and the gate that decides when the campaign widens past it.
 *
 * @param percent 0 when the wave is defined by groups
 * @param success met when this many of the wave's deployments succeeded
 * @param error breached when more than this many of its finished deployments failed; null: never
 * @param minSample finished deployments needed before a percentage threshold is judged
 * @param soak time to wait after the success threshold is met, before widening
 * @param requireGo widening needs an explicit {@code advance}
 */
public record WaveSpec(String name, List<String> groups, double percent, Threshold success, Threshold error,
    int minSample, Duration soak, boolean requireGo) {
  public static final Threshold DEFAULT_SUCCESS = Threshold.percentOf(90);
  public static final Threshold DEFAULT_ERROR = Threshold.percentOf(10);

  public WaveSpec {
    Objects.requireNonNull(name, "name");
    groups = List.copyOf(new LinkedHashSet<>(groups));
    Objects.requireNonNull(success, "success");
    soak = Objects.requireNonNullElse(soak, Duration.ZERO);
  }

  /** The wave that takes whatever the others left: default gate, no go needed. */
  public static WaveSpec rest(String name) {
    return new WaveSpec(name, List.of(), 0, DEFAULT_SUCCESS, DEFAULT_ERROR, 1, Duration.ZERO, false);
  }

  /** The single wave of a big-bang campaign: nothing to widen to, errors never stop it unless asked. */
  public static WaveSpec bigBang() {
    return new WaveSpec("all", List.of(), 100, Threshold.percentOf(0), null, 1, Duration.ZERO, false);
  }

  public boolean byGroups() {
    return !groups.isEmpty();
  }

  /**
   * @param field e.g. {@code waves[1]}
   * @throws ConvoyException INVALID_ARGUMENT naming the field
   */
  public WaveSpec validated(String field) {
    Require.optionalText(field + ".name", name, 64);
    if (byGroups() && percent != 0) {
      throw ConvoyException.invalidArgument(field + ": both groups and percent (expected: one of them)");
    }
    if (!byGroups() && (Double.isNaN(percent) || percent <= 0 || percent > 100)) {
      throw ConvoyException.invalidArgument(field + ".percent: " + percent
          + " (expected: more than 0 and at most 100, or groups)");
    }
    groups.forEach(group -> EndpointNames.requireGroup(field + ".groups", group));
    success.validated(field + ".success");
    if (error != null) {
      error.validated(field + ".error");
    }
    Require.inRange(field + ".min_sample", minSample, 0, 1_000_000);
    if (soak.isNegative() || soak.compareTo(Duration.ofDays(30)) > 0) {
      throw ConvoyException.invalidArgument(field + ".soak: " + soak + " (expected: 0 to 30 days)");
    }
    return this;
  }
}
