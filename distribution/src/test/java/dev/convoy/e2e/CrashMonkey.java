package dev.convoy.e2e;

import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.StateChange;
import dev.convoy.protocol.v1.WaveStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Kills a {@link ServerNode} with SIGKILL at points a seeded {@link Random} chooses while a campaign runs, and
 * restarts it on the same data directory and port after each kill. The server is watched through its admin API
 * (the same CampaignStatus as {@code convoy campaign status --output json}, polled every 50 ms without starting a
 * JVM per look), so that a kill can follow an event closely:
 * <ul>
 *   <li>right after a wave opened (always, the first time each later wave is seen open);
 *   <li>a random 0–250 ms after the next applied transition of a randomly chosen state;
 *   <li>a random 0–250 ms after the next 1–3 applied transitions of any state;
 *   <li>a random 0.2–1.5 s after the server answered again (and at least one transition after it).
 * </ul>
 * Not thread-safe: one test thread drives it.
 */
final class CrashMonkey {
  /** A trigger for a state that no longer comes falls back to a plain kill after this long. */
  private static final long STATE_WAIT_MS = 6_000;
  private static final List<DeploymentState> STATES = List.of(DeploymentState.OFFERED, DeploymentState.NOTIFIED,
      DeploymentState.DOWNLOADING, DeploymentState.DOWNLOADED, DeploymentState.INSTALLING, DeploymentState.VERIFYING,
      DeploymentState.SUCCEEDED);

  /** One kill: why it was made, what the server showed just before, and whether the campaign was running. */
  record Kill(int number, String trigger, boolean whileRunning, String seen, long restartMillis) {
    @Override
    public String toString() {
      return "kill #" + number + " [" + trigger + "] " + (whileRunning ? "while RUNNING" : "after the end") + ": "
          + seen + "; restarted in " + restartMillis + " ms";
    }
  }

  private final ServerNode server;
  private final String campaignId;
  private final Random random;
  private final boolean[] waveSeenOpen = new boolean[64];

  CrashMonkey(ServerNode server, String campaignId, Random random) {
    this.server = server;
    this.campaignId = campaignId;
    this.random = random;
  }

  CampaignStatus status() {
    return CampaignCrashIT.status(server, campaignId);
  }

  /**
   * Kills and restarts the server up to {@code maxKills} times, stopping early once the campaign is over.
   *
   * @return the kills made, in order
   */
  List<Kill> run(int maxKills) throws IOException, InterruptedException {
    List<Kill> kills = new ArrayList<>();
    CampaignStatus last = status();
    markOpenWaves(last);
    while (kills.size() < maxKills && !over(last)) {
      String plan = plan();
      long started = System.nanoTime();
      int baseline = transitions(last, null);
      int stateBaseline = plan.startsWith("state ") ? transitions(last, DeploymentState.valueOf(plan.split(" ")[1])) : 0;
      String fired = null;
      while (fired == null && !over(last)) {
        Thread.sleep(50); // bounds a poll of a real process; the trigger is an event of the server
        last = status();
        fired = fired(plan, last, started, baseline, stateBaseline);
      }
      if (fired == null) {
        break; // the campaign ended before this kill point came
      }
      if (fired.startsWith("jitter ")) {
        Thread.sleep(Long.parseLong(fired.substring(7, fired.indexOf("ms"))));
        last = status();
      }
      boolean running = last.getCampaign().getState() == CampaignState.RUNNING && !over(last);
      markOpenWaves(last); // a wave the jitter saw open was killed right after its opening too
      server.kill9();
      long restart = System.nanoTime();
      server.start();
      kills.add(new Kill(kills.size() + 1, fired, running, summary(last), (System.nanoTime() - restart) / 1_000_000));
      last = status();
    }
    return kills;
  }

  /** Chooses the next kill point: "state S JITTER", "transitions N JITTER" or "delay MS". */
  private String plan() {
    int kind = random.nextInt(3);
    int jitter = random.nextInt(251);
    return switch (kind) {
      case 0 -> "state " + STATES.get(random.nextInt(STATES.size())) + " " + jitter;
      case 1 -> "transitions " + (1 + random.nextInt(3)) + " " + jitter;
      default -> "delay " + (200 + random.nextInt(1301));
    };
  }

  /**
   * The description of the kill if {@code plan} fired on {@code now}, else null. Every kill point but a wave's
   * opening waits for at least one transition applied since the restart, so that the campaign moves between kills
   * however slow a restart is.
   */
  private String fired(String plan, CampaignStatus now, long startedNanos, int baseline, int stateBaseline) {
    String[] parts = plan.split(" ");
    for (WaveStatus wave : now.getWavesList()) {
      if (wave.hasOpenedAt() && wave.getIndex() > 0 && !waveSeenOpen[wave.getIndex()]) {
        waveSeenOpen[wave.getIndex()] = true;
        return "right after wave " + (wave.getIndex() + 1) + " " + wave.getName() + " opened";
      }
    }
    long elapsedMs = (System.nanoTime() - startedNanos) / 1_000_000;
    int moved = transitions(now, null) - baseline;
    return switch (parts[0]) {
      case "delay" -> moved > 0 && elapsedMs >= Long.parseLong(parts[1])
          ? "at least " + parts[1] + " ms and " + moved + " transition(s) after the restart" : null;
      case "transitions" -> moved >= Integer.parseInt(parts[1])
          ? "jitter " + parts[2] + "ms after " + parts[1] + " more transition(s)" : null;
      default -> {
        DeploymentState state = DeploymentState.valueOf(parts[1]);
        if (transitions(now, state) > stateBaseline) {
          yield "jitter " + parts[2] + "ms after the next " + state;
        }
        yield moved > 0 && elapsedMs > STATE_WAIT_MS ? "after " + elapsedMs + " ms without a new " + state : null;
      }
    };
  }

  private void markOpenWaves(CampaignStatus status) {
    status.getWavesList().stream().filter(WaveStatus::hasOpenedAt).forEach(w -> waveSeenOpen[w.getIndex()] = true);
  }

  /** History entries of every deployment (of {@code state} only, unless null). */
  private static int transitions(CampaignStatus status, DeploymentState state) {
    int n = 0;
    for (DeploymentStatus d : status.getDeploymentsList()) {
      for (StateChange change : d.getHistoryList()) {
        n += state == null || change.getState() == state ? 1 : 0;
      }
    }
    return n;
  }

  private static boolean over(CampaignStatus status) {
    CampaignState state = status.getCampaign().getState();
    return state == CampaignState.COMPLETED || state == CampaignState.ABORTED || state == CampaignState.CANCELLED_CAMPAIGN;
  }

  private static String summary(CampaignStatus status) {
    String waves = status.getWavesList().stream().map(w -> (w.getIndex() + 1) + ":" + w.getState().name()
        .replace("WAVE_", "")).collect(Collectors.joining(" "));
    String states = status.getDeploymentsList().stream().map(d -> d.getState().name()).sorted()
        .collect(Collectors.joining(","));
    return status.getCampaign().getState() + " waves " + waves + " deployments " + states;
  }
}
