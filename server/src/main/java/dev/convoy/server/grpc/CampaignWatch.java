package dev.convoy.server.grpc;

import dev.convoy.server.campaign.CampaignEvents;
import dev.convoy.server.campaign.CampaignListener;
import dev.convoy.server.campaign.CampaignEngine;
import dev.convoy.server.campaign.CampaignStatus;
import dev.convoy.server.catalogue.CatalogueService;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WatchCampaign stream: the status now, then again after every change, until the campaign is terminal or the
 * client leaves. Changes coalesce: a burst of reports while the client is slow produces one new status when the
 * stream is ready again, never a queue. Status is computed on {@code executor}, not on the thread that reported.
 *
 * <p>Thread-safe: listeners, onReady and cancel meet under this object's monitor.
 */
final class CampaignWatch implements CampaignListener {
  private final String campaignId;
  private final Principal owner;
  private final CampaignEngine campaigns;
  private final CatalogueService catalogue;
  private final ServerCallStreamObserver<dev.convoy.protocol.v1.CampaignStatus> out;
  private final Executor executor;
  private final Set<CampaignWatch> active;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private CampaignEvents.Subscription subscription;
  private boolean dirty = true;
  private boolean done;

  private CampaignWatch(String campaignId, Principal owner, CampaignEngine campaigns, CatalogueService catalogue,
      ServerCallStreamObserver<dev.convoy.protocol.v1.CampaignStatus> out, Executor executor,
      Set<CampaignWatch> active) {
    this.campaignId = campaignId;
    this.owner = owner;
    this.campaigns = campaigns;
    this.catalogue = catalogue;
    this.out = out;
    this.executor = executor;
    this.active = active;
  }

  /**
   * Starts watching for {@code owner}; {@code active} tracks open watches so that shutdown, revocation and
   * certificate expiry can end them.
   */
  static void start(String campaignId, Principal owner, CampaignEngine campaigns, CatalogueService catalogue,
      ServerCallStreamObserver<dev.convoy.protocol.v1.CampaignStatus> out, Executor executor,
      Set<CampaignWatch> active) {
    try {
      campaigns.campaigns().require(campaignId);
    } catch (RuntimeException e) {
      GrpcCalls.fail(out, e);
      return;
    }
    CampaignWatch watch = new CampaignWatch(campaignId, owner, campaigns, catalogue, out, executor, active);
    synchronized (watch) {
      out.setOnCancelHandler(watch::stop);
      out.setOnReadyHandler(watch::schedule);
      active.add(watch);
      watch.subscription = campaigns.campaigns().subscribe(campaignId, watch);
    }
    watch.schedule();
  }

  static Set<CampaignWatch> newRegistry() {
    return ConcurrentHashMap.newKeySet();
  }

  @Override
  public void campaignChanged(String id) {
    synchronized (this) {
      dirty = true;
    }
    schedule();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    scheduled.set(false);
    synchronized (this) {
      if (done || !dirty || !out.isReady()) {
        return;
      }
      dirty = false;
      try {
        CampaignStatus status = campaigns.views().status(campaignId);
        out.onNext(CampaignProtoMapper.status(status,
            catalogue.find(status.campaign().releaseName(), status.campaign().releaseVersion())));
        if (status.campaign().state().isTerminal()) {
          stop();
          out.onCompleted();
        }
      } catch (RuntimeException e) {
        stop();
        GrpcCalls.fail(out, e);
      }
    }
  }

  /** Who opened the watch. */
  Principal owner() {
    return owner;
  }

  /** Ends the stream with UNAVAILABLE: the server is shutting down. */
  void shutdown() {
    end(Status.UNAVAILABLE.withDescription("server is shutting down"));
  }

  /** Ends the stream with {@code status} (e.g. the owner was revoked); no-op if it has ended. */
  synchronized void end(Status status) {
    if (!done) {
      stop();
      out.onError(status.asRuntimeException());
    }
  }

  private synchronized void stop() {
    done = true;
    active.remove(this);
    if (subscription != null) {
      subscription.close();
    }
  }
}
