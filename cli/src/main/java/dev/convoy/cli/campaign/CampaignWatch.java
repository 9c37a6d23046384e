package dev.convoy.cli.campaign;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Follows a campaign over {@code AdminService.WatchCampaign}, showing every update, until the campaign is terminal,
 * the server ends the stream, or an optional time limit passes.
 *
 * <p>Not thread-safe; blocks the calling thread.
 */
public final class CampaignWatch {
  private final AdminServiceGrpc.AdminServiceBlockingStub stub;
  private final WatchDisplay display;

  /** What the watch saw last. {@code timedOut} is set when the time limit ended it. */
  public record Outcome(CampaignStatus last, boolean timedOut) {
    public boolean terminal() {
      return CampaignStates.isTerminal(last.getCampaign().getState());
    }

    /** Terminal, and every targeted endpoint succeeded. */
    public boolean allSucceeded() {
      return terminal() && CampaignStates.allSucceeded(last);
    }
  }

  public CampaignWatch(AdminServiceGrpc.AdminServiceBlockingStub stub, WatchDisplay display) {
    this.stub = stub;
    this.display = display;
  }

  /**
   * Watches {@code campaignId}.
   *
   * @param limit how long to watch at most; empty to watch until the campaign is over
   * @throws StatusRuntimeException if the server refuses the watch (e.g. NOT_FOUND) or fails before any update
   */
  public Outcome watch(String campaignId, Optional<Duration> limit) {
    GetCampaignStatusRequest request = GetCampaignStatusRequest.newBuilder().setCampaignId(campaignId).build();
    AdminServiceGrpc.AdminServiceBlockingStub call =
        limit.map(d -> stub.withDeadlineAfter(d.toMillis(), TimeUnit.MILLISECONDS)).orElse(stub);
    // Leaving the loop at a terminal update must also end the call on the server: cancel the context.
    try (Context.CancellableContext scope = Context.current().withCancellation()) {
      return scope.call(() -> follow(request, call.watchCampaign(request)));
    } catch (StatusRuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("watch failed", e);
    }
  }

  private Outcome follow(GetCampaignStatusRequest request, Iterator<CampaignStatus> updates) {
    CampaignStatus last = null;
    boolean timedOut = false;
    try {
      while (updates.hasNext()) {
        last = updates.next();
        display.update(last);
        if (CampaignStates.isTerminal(last.getCampaign().getState())) {
          break;
        }
      }
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.DEADLINE_EXCEEDED) {
        throw e;
      }
      timedOut = true;
    }
    if (last == null) { // the stream ended (or timed out) before its first update: ask once
      last = stub.withDeadlineAfter(10, TimeUnit.SECONDS).getCampaignStatus(request);
    }
    display.finish(last);
    return new Outcome(last, timedOut);
  }
}
