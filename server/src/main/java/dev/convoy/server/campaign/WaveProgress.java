package dev.convoy.server.campaign;

import dev.convoy.server.campaign.plan.WaveSpec;
import java.time.Instant;
import java.util.Objects;

/**
 * One wave of a started campaign: its spec (defaults filled in), size and where its gate stands.
 *
 * @param size deployments assigned to it (grows when an endpoint joins a dynamic group the campaign targets)
 * @param errorsAccepted an admin resumed the campaign after this wave breached: its error gate is not judged again
 */
public record WaveProgress(int index, WaveSpec spec, WaveState state, int size, Instant openedAt,
    Instant thresholdMetAt, Instant soakUntil, boolean errorsAccepted) {
  public WaveProgress {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(state, "state");
  }

  public static WaveProgress queued(int index, WaveSpec spec, int size) {
    return new WaveProgress(index, spec, WaveState.QUEUED, size, null, null, null, false);
  }

  public String name() {
    return spec.name();
  }

  public WaveProgress withState(WaveState next) {
    return new WaveProgress(index, spec, next, size, openedAt, thresholdMetAt, soakUntil, errorsAccepted);
  }

  public WaveProgress opened(Instant at) {
    return new WaveProgress(index, spec, WaveState.OPEN, size, at, null, null, errorsAccepted);
  }

  public WaveProgress soaking(Instant metAt, Instant until) {
    return new WaveProgress(index, spec, WaveState.SOAKING, size, openedAt, metAt, until, errorsAccepted);
  }

  public WaveProgress grown() {
    return new WaveProgress(index, spec, state, size + 1, openedAt, thresholdMetAt, soakUntil, errorsAccepted);
  }

  public WaveProgress acceptingErrors() {
    return new WaveProgress(index, spec, WaveState.OPEN, size, openedAt, thresholdMetAt, soakUntil, true);
  }
}
