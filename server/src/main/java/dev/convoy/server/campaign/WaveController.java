package dev.convoy.server.campaign;

import dev.convoy.server.campaign.plan.ErrorAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a running campaign through its waves from its counters: opens waves, starts soak times, waits for a go,
 * stops the campaign on an error breach (PAUSE or ABORT as it says) or a stalled wave, and completes it when every
 * deployment is final. {@link #evaluate} runs after every change that may move a gate (a final report, a timeout,
 * the end of a soak time, a command); it is idempotent, so a restart simply evaluates every running campaign again.
 *
 * <p>Thread-safe: evaluation holds the campaign's lock (and the exclusive bulk lock to touch many deployments).
 */
final class WaveController {
  private static final Logger logger = LoggerFactory.getLogger(WaveController.class);

  /** Rounds of one evaluation: every round moves a wave or the campaign, so waves + 2 bound it. */
  private static final int MAX_ROUNDS = dev.convoy.server.campaign.plan.CampaignPlan.MAX_WAVES + 3;

  private final CampaignContext ctx;

  WaveController(CampaignContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Re-judges the campaign's gates and applies what they say, again until nothing moves (opening an empty wave or
   * passing one can complete the campaign at once). A no-op for a campaign that is not RUNNING.
   */
  void evaluate(String campaignId) {
    for (int i = 0; i < MAX_ROUNDS && evaluateOnce(campaignId); i++) {
      // each round moved something: judge the new state too
    }
  }

  /** @return whether the campaign changed */
  private boolean evaluateOnce(String campaignId) {
    Lock lock = ctx.guards().campaign(campaignId);
    lock.lock();
    try {
      Campaign campaign = ctx.campaigns().find(campaignId).orElse(null);
      if (campaign == null || campaign.state() != CampaignState.RUNNING) {
        return false;
      }
      if (step(new Tx(ctx), campaign) == campaign) {
        return false; // the common case: nothing moves, decided without stopping concurrent reports
      }
      Lock bulk = ctx.guards().bulk.writeLock();
      bulk.lock();
      try {
        Tx tx = new Tx(ctx); // judged again: reports may have landed since the first look
        Campaign after = step(tx, campaign);
        if (after == campaign) {
          return false;
        }
        tx.put(after);
        tx.commit();
        return true;
      } finally {
        bulk.unlock();
      }
    } finally {
      lock.unlock();
    }
  }

  /** One judgement of a RUNNING campaign; returns it unchanged when nothing moves. Caller holds both locks. */
  private Campaign step(Tx tx, Campaign campaign) {
    Map<Integer, Map<DeploymentState, Long>> counts = ctx.campaigns().waveCounts(campaign.id());
    for (WaveProgress wave : campaign.waves()) {
      if (wave.state() == WaveState.OPEN || wave.state() == WaveState.SOAKING
          || wave.state() == WaveState.AWAITING_GO) {
        WaveGate.Verdict verdict = WaveGate.judge(wave, counts.getOrDefault(wave.index(), Map.of()));
        if (verdict.breached()) {
          return breach(tx, campaign, wave, verdict);
        }
      }
    }
    int current = campaign.currentWave();
    WaveProgress wave = campaign.wave(current);
    boolean last = current == campaign.waves().size() - 1;
    WaveGate.Verdict verdict = WaveGate.judge(wave, counts.getOrDefault(current, Map.of()));
    Instant now = tx.now();
    if (last) {
      return verdict.allFinished() ? complete(campaign, wave, verdict, now) : campaign;
    }
    switch (wave.state()) {
      case OPEN -> {
        if (verdict.successMet()) {
          if (wave.spec().soak().isZero()) {
            return soaked(tx, campaign, wave.soaking(now, now));
          }
          Instant until = now.plus(wave.spec().soak());
          tx.putTimer(Timer.soakEnd(campaign.id(), current, until));
          logger.info("wave soaking campaign={} wave={} until={} gate=\"{}\"", campaign.id(), wave.name(), until,
              verdict.words());
          return campaign.withWave(wave.soaking(now, until));
        }
        if (verdict.allFinished()) {
          String reason = "wave " + wave.name() + " finished below its success threshold: " + verdict.words();
          logger.warn("wave stalled campaign={} wave={} gate=\"{}\"", campaign.id(), wave.name(), verdict.words());
          pauseHold(tx, campaign);
          return campaign.withWave(wave.withState(WaveState.STALLED)).moved(CampaignState.PAUSED, now, reason);
        }
        return campaign;
      }
      case SOAKING -> {
        return now.isBefore(wave.soakUntil()) ? campaign : soaked(tx, campaign, wave);
      }
      default -> {
        return campaign;
      }
    }
  }

  /** The soak time of the current wave is over (and no breach): wait for a go, or widen. */
  private Campaign soaked(Tx tx, Campaign campaign, WaveProgress wave) {
    if (wave.spec().requireGo()) {
      logger.info("wave awaiting go campaign={} wave={}", campaign.id(), wave.name());
      return campaign.withWave(wave.withState(WaveState.AWAITING_GO));
    }
    return widen(tx, campaign.withWave(wave), wave.index());
  }

  /** Marks wave {@code from} PASSED and opens the next one (skipping empty ones). Caller holds both locks. */
  Campaign widen(Tx tx, Campaign campaign, int from) {
    Campaign next = campaign.withWave(campaign.wave(from).withState(WaveState.PASSED));
    logger.info("wave passed campaign={} wave={}", campaign.id(), campaign.wave(from).name());
    return open(tx, next, from + 1);
  }

  /**
   * Opens wave {@code index}: its QUEUED deployments become PENDING and their endpoints are hinted. An empty wave
   * that is not the last passes at once. Caller holds both locks and puts the result.
   */
  Campaign open(Tx tx, Campaign campaign, int index) {
    Instant now = tx.now();
    Campaign next = campaign.withWave(campaign.wave(index).opened(now));
    int released = 0;
    for (Deployment d : ctx.deployments().listByCampaign(campaign.id())) {
      if (d.wave() == index && d.state() == DeploymentState.QUEUED) {
        tx.replace(next, d, d.toBuilder().state(DeploymentState.PENDING, now, "wave " + next.wave(index).name()
            + " opened").build(), true);
        released++;
      }
    }
    logger.info("wave opened campaign={} wave={} index={} deployments={}", campaign.id(), next.wave(index).name(),
        index, released);
    if (next.wave(index).size() == 0 && index < next.waves().size() - 1) {
      return widen(tx, next, index);
    }
    return next;
  }

  private Campaign breach(Tx tx, Campaign campaign, WaveProgress wave, WaveGate.Verdict verdict) {
    ErrorAction action = campaign.plan().onError();
    String reason = "wave " + wave.name() + " breached its error threshold: " + verdict.words();
    logger.warn("wave breached campaign={} wave={} action={} gate=\"{}\"", campaign.id(), wave.name(), action,
        verdict.words());
    Campaign marked = campaign.withWave(wave.withState(WaveState.BREACHED));
    if (action == ErrorAction.ABORT) {
      cancelRemaining(tx, marked, "campaign aborted: " + reason);
      return marked.moved(CampaignState.ABORTED, tx.now(), reason);
    }
    pauseHold(tx, marked);
    return marked.moved(CampaignState.PAUSED, tx.now(), reason);
  }

  private Campaign complete(Campaign campaign, WaveProgress last, WaveGate.Verdict verdict, Instant now) {
    if (campaign.waves().stream().anyMatch(w -> w.state() == WaveState.QUEUED)) {
      return campaign;
    }
    WaveState end = verdict.successMet() || campaign.waves().size() == 1 ? WaveState.PASSED : WaveState.STALLED;
    logger.info("campaign completed campaign={} gate=\"{}\"", campaign.id(), verdict.words());
    return campaign.withWave(last.withState(end)).moved(CampaignState.COMPLETED, now, "");
  }

  /** Every deployment not yet installing is cancelled (in every wave). Caller holds both locks. */
  void cancelRemaining(Tx tx, Campaign campaign, String reason) {
    for (Deployment d : ctx.deployments().listByCampaign(campaign.id())) {
      if (d.state().cancellable()) {
        tx.replace(campaign, d, d.toBuilder().state(DeploymentState.CANCELLED, tx.now(), reason).build(),
            d.state() != DeploymentState.QUEUED);
      }
    }
  }

  /** Hints every endpoint with an active deployment of the campaign that its gate changed (hold on or off). */
  void pauseHold(Tx tx, Campaign campaign) {
    for (Deployment d : ctx.deployments().listByCampaign(campaign.id())) {
      if (!d.state().isTerminal() && d.state() != DeploymentState.QUEUED) {
        tx.bump(d.endpointId());
      }
    }
  }

  /** Runs evaluation for every RUNNING campaign (at start, after a restart). */
  void evaluateAll(List<Campaign> campaigns) {
    campaigns.stream().filter(c -> c.state() == CampaignState.RUNNING).forEach(c -> evaluate(c.id()));
  }
}
