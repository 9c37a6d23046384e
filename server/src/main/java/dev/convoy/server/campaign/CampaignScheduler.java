package dev.convoy.server.campaign;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the engine's durable timers (campaign start times, soak ends, deployment timeouts and retries) once the
 * server clock passes them. {@link #tick()} does the work and is what tests call after moving their clock; in a
 * server, {@link #start} calls it on one daemon thread every {@code period}. A handler that throws is logged and its
 * timer tried again at the next tick, so one bad record cannot stop the others.
 *
 * <p>Thread-safe.
 */
public final class CampaignScheduler implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(CampaignScheduler.class);
  private static final int BATCH = 512;

  private final CampaignContext ctx;
  private final CampaignService campaigns;
  private final DeploymentService deployments;
  private final WaveController waves;
  private ScheduledExecutorService executor;

  CampaignScheduler(CampaignContext ctx, CampaignService campaigns, DeploymentService deployments,
      WaveController waves) {
    this.ctx = ctx;
    this.campaigns = campaigns;
    this.deployments = deployments;
    this.waves = waves;
  }

  /**
   * Fires every timer due now (server clock), earliest first.
   *
   * @return how many fired
   */
  public synchronized int tick() {
    int fired = 0;
    while (true) {
      List<Timer> due = ctx.timers().due(ctx.clock().instant(), BATCH);
      int done = 0;
      for (Timer timer : due) {
        try {
          fire(timer);
          done++;
        } catch (RuntimeException e) {
          logger.error("timer failed kind={} campaign={} deployment={} due={}", timer.kind(), timer.campaignId(),
              timer.deploymentId(), timer.dueAt(), e);
        }
      }
      fired += done;
      if (due.size() < BATCH || done == 0) {
        return fired;
      }
    }
  }

  private void fire(Timer timer) {
    switch (timer.kind()) {
      case CAMPAIGN_START -> campaigns.startScheduled(timer);
      case SOAK_END -> {
        Tx tx = new Tx(ctx);
        tx.deleteTimer(timer);
        tx.commit();
        waves.evaluate(timer.campaignId());
      }
      case DEPLOYMENT -> deployments.timerFired(timer);
    }
  }

  /** Ticks every {@code period} on a daemon thread until closed. */
  public synchronized void start(Duration period) {
    if (executor != null) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "convoy-campaign-timers");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(() -> {
      try {
        tick();
      } catch (RuntimeException e) {
        logger.error("campaign timers tick failed", e);
      }
    }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    ScheduledExecutorService e;
    synchronized (this) {
      e = executor;
      executor = null;
    }
    if (e != null) {
      e.shutdownNow();
      try {
        e.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
