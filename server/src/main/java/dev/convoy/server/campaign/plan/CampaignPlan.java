package dev.convoy.server.campaign.plan;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.window.WindowSchedule;
import dev.convoy.server.window.Windows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything about a campaign's timing and gates besides its release, targets and axes: start time, maintenance
 * windows, notice, deferral, deadline, waves, error action, timeouts, retries, pre-staging. Immutable; validated by
 * {@link #validated}. Fixed once the campaign is created (an approval is bound to it).
 *
 * @param startAt null: when started
 * @param deadline null: none. PULL: from then on it installs like a PUSH; both: no deferral may pass it
 * @param waves as given (empty for a big bang without a gate); see {@link #effectiveWaves}
 * @param prestage downloads may happen outside the windows (before them)
 * @param preset the preset that filled the unset fields ("" for none)
 */
public record CampaignPlan(Instant startAt, List<WindowSpec> windowSpecs, NoticeSpec notice,
    DeferralPolicy deferral, Instant deadline, List<WaveSpec> waves, ErrorAction onError, Timeouts timeouts,
    RetryPolicy retry, boolean prestage, String preset) {
  public static final int MAX_WAVES = 20;
  public static final int MAX_WINDOWS = 16;
  /** Compiled windows by their specs: every sync and install permit judges them, parsing once is enough. */
  private static final Map<List<WindowSpec>, Windows> COMPILED = new ConcurrentHashMap<>();

  public CampaignPlan {
    windowSpecs = List.copyOf(windowSpecs);
    notice = Objects.requireNonNullElse(notice, NoticeSpec.none());
    deferral = Objects.requireNonNullElse(deferral, DeferralPolicy.none());
    waves = List.copyOf(waves);
    onError = Objects.requireNonNullElse(onError, ErrorAction.PAUSE);
    timeouts = Objects.requireNonNullElse(timeouts, Timeouts.none());
    retry = Objects.requireNonNullElse(retry, RetryPolicy.none());
    preset = Objects.requireNonNullElse(preset, "");
  }

  /** Start at once, any time, no notice lead, no waves, no deferral, no timeout, no retry, pre-staged. */
  public static CampaignPlan immediate() {
    return new CampaignPlan(null, List.of(), NoticeSpec.none(), DeferralPolicy.none(), null, List.of(),
        ErrorAction.PAUSE, Timeouts.none(), RetryPolicy.none(), true, "");
  }

  /**
   * Checks every field.
   *
   * @param phased whether the campaign's rollout is PHASED (waves required) or BIG_BANG (at most one wave)
   * @throws ConvoyException INVALID_ARGUMENT naming the field and what was expected
   */
  public CampaignPlan validated(boolean phased, Instant now) {
    if (windowSpecs.size() > MAX_WINDOWS) {
      throw ConvoyException.invalidArgument("windows: " + windowSpecs.size() + " (expected: at most " + MAX_WINDOWS
          + ")");
    }
    windows();
    notice.validated();
    deferral.validated();
    timeouts.validated();
    retry.validated();
    if (deadline != null && deadline.isBefore(startAt == null ? now : startAt)) {
      throw ConvoyException.invalidArgument("deadline: " + deadline + " (expected: after the start, "
          + (startAt == null ? now : startAt) + ")");
    }
    if (startAt != null && startAt.isAfter(now.plus(Duration.ofDays(366)))) {
      throw ConvoyException.invalidArgument("start_at: " + startAt + " (expected: within a year)");
    }
    validateWaves(phased);
    return this;
  }

  private void validateWaves(boolean phased) {
    if (phased && waves.isEmpty()) {
      throw ConvoyException.invalidArgument("waves: none (expected: at least one wave for a PHASED rollout)");
    }
    if (!phased && waves.size() > 1) {
      throw ConvoyException.invalidArgument("waves: " + waves.size()
          + " (expected: at most one for a BIG_BANG rollout, its gate; use PHASED for several)");
    }
    if (waves.size() > MAX_WAVES) {
      throw ConvoyException.invalidArgument("waves: " + waves.size() + " (expected: at most " + MAX_WAVES + ")");
    }
    double percent = 0;
    for (int i = 0; i < waves.size(); i++) {
      WaveSpec wave = waves.get(i);
      if (!phased && wave.byGroups()) {
        throw ConvoyException.invalidArgument("waves[0].groups: a BIG_BANG campaign has one wave of every target"
            + " (expected: no groups; use targets)");
      }
      wave.validated("waves[" + i + "]");
      percent += phased ? wave.percent() : 0;
    }
    if (percent > 100.0 + 1e-9) {
      throw ConvoyException.invalidArgument("waves: percentages add up to " + Threshold.percentOf(percent)
          + " (expected: at most 100 %)");
    }
  }

  /**
   * The compiled maintenance windows (empty: installs any time).
   *
   * @throws ConvoyException INVALID_ARGUMENT naming {@code windows[i].*}
   */
  public Windows windows() {
    if (windowSpecs.isEmpty()) {
      return Windows.ANYTIME;
    }
    Windows cached = COMPILED.get(windowSpecs);
    if (cached != null) {
      return cached;
    }
    List<WindowSchedule> schedules = new ArrayList<>();
    for (int i = 0; i < windowSpecs.size(); i++) {
      WindowSpec w = windowSpecs.get(i);
      schedules.add(WindowSchedule.of("windows[" + i + "]", w.rrule(), w.cron(), w.duration(), w.zone()));
    }
    Windows compiled = Windows.of(schedules);
    if (COMPILED.size() > 10_000) {
      COMPILED.clear();
    }
    COMPILED.put(windowSpecs, compiled);
    return compiled;
  }

  /**
   * The waves targets are assigned to: for PHASED, the given ones plus a last "rest" wave when their percentages
   * leave targets over (group waves take their groups' targets first, percent waves share the rest); for
   * BIG_BANG, one wave of everything with the given gate or none.
   */
  public List<WaveSpec> effectiveWaves(boolean phased) {
    if (!phased) {
      if (waves.isEmpty()) {
        return List.of(WaveSpec.bigBang());
      }
      WaveSpec gate = waves.get(0);
      return List.of(new WaveSpec(gate.name().isBlank() ? "all" : gate.name(), List.of(), 100, gate.success(),
          gate.error(), gate.minSample(), gate.soak(), gate.requireGo()));
    }
    List<WaveSpec> result = new ArrayList<>();
    double percent = 0;
    for (int i = 0; i < waves.size(); i++) {
      WaveSpec w = waves.get(i);
      result.add(w.name().isBlank() ? new WaveSpec("wave " + (i + 1), w.groups(), w.percent(), w.success(),
          w.error(), w.minSample(), w.soak(), w.requireGo()) : w);
      percent += w.percent();
    }
    if (percent < 100.0 - 1e-9) {
      result.add(WaveSpec.rest("rest"));
    }
    return List.copyOf(result);
  }
}
