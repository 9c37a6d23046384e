package dev.convoy.server.campaign;

import dev.convoy.server.campaign.plan.Threshold;
import dev.convoy.server.campaign.plan.WaveSpec;
import java.util.Map;

/**
 * Judges one wave from its counters (never by scanning deployments): succeeded and failed are final outcomes
 * (a deployment waiting for a retry is neither); cancelled ones finish without counting either way.
 *
 * <ul>
 *   <li>breached: the error threshold is exceeded — a count: more than {@code count} failed; a percentage: more than
 *       that share of the finished deployments failed, judged once {@code min_sample} have finished;
 *   <li>success met: at least {@code min_sample} finished and the success threshold is reached (a percentage of the
 *       wave's size, or a count);
 *   <li>all finished: every deployment of the wave is final.
 * </ul>
 * Stateless.
 */
public final class WaveGate {
  private WaveGate() {}

  /**
   * What the counters say about a wave.
   *
   * @param sample the minimum number of finished deployments before a percentage is judged
   */
  public record Verdict(boolean breached, boolean successMet, boolean allFinished, long succeeded, long failed,
      long finished, int size, int sample, Threshold success, Threshold error) {
    /**
     * The verdict in words, for logs, reasons and status. Built on demand: a gate is judged after every final
     * report, and is put in words only when it moves or is shown.
     */
    public String words() {
      return "success " + succeeded + "/" + size + " (needs " + success + "): "
          + (successMet ? "met" : "not yet") + "; errors " + failed + "/" + finished + " finished"
          + (error == null ? " (no error gate)" : " (limit " + error + "): " + (breached ? "BREACHED" : "ok"))
          + (finished < sample ? "; sample " + finished + "/" + sample : "");
    }
  }

  public static Verdict judge(WaveProgress wave, Map<DeploymentState, Long> counts) {
    WaveSpec spec = wave.spec();
    long succeeded = 0;
    long failed = 0;
    long terminal = 0;
    for (Map.Entry<DeploymentState, Long> e : counts.entrySet()) {
      if (e.getKey().isSuccess()) {
        succeeded += e.getValue();
      } else if (e.getKey().isFailure()) {
        failed += e.getValue();
      }
      if (e.getKey().isTerminal()) {
        terminal += e.getValue();
      }
    }
    long finished = succeeded + failed;
    int size = wave.size();
    int sample = Math.max(1, spec.minSample());
    Threshold error = spec.error();
    boolean breached = error != null && !wave.errorsAccepted()
        && (error.percent() ? finished >= sample && error.exceededBy(failed, finished) : error.exceededBy(failed, 0));
    boolean successMet = size > 0 && finished >= Math.min(sample, size) && spec.success().reachedBy(succeeded, size);
    boolean allFinished = terminal >= size;
    return new Verdict(breached, successMet, allFinished, succeeded, failed, finished, size, sample, spec.success(),
        error);
  }
}
