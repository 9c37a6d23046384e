package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.DownloadRequest;
import dev.convoy.server.campaign.Deployment;
import dev.convoy.server.campaign.DeploymentService;
import dev.convoy.server.campaign.StatusReport;
import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import io.grpc.stub.ServerCallStreamObserver;
import java.io.EOFException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Download call: streams a release payload from a chunk-aligned offset to the end, one chunk per message, only
 * while the transport is ready ({@code isReady} / {@code onReady}), so a download of any size holds at most about two
 * chunks in memory and a slow agent slows the reading, not the heap.
 *
 * <p>A message is a {@link PayloadChunk}, a file region: gRPC reads its bytes from the file as it frames the message
 * ({@link PayloadChunkMarshaller}), through a small cache-resident buffer, so a chunk costs one read from the page
 * cache and one copy into the frame buffers rather than a new chunk-sized array, two copies into it and one out.
 *
 * <p>The ready threshold is one chunk rather than gRPC's 32 KiB: the next chunk is queued while the previous one is
 * still on its way, so the connection does not idle for an executor hop and a file read between chunks.
 *
 * <p>Callbacks of one call are serialised by gRPC; the monitor guards the call's state against a concurrent cancel.
 */
final class DownloadCall {
  private static final Logger logger = LoggerFactory.getLogger(DownloadCall.class);

  private final ServerCallStreamObserver<PayloadChunk> out;
  private final PayloadFile payload;
  private final Release release;
  private final String deploymentId;
  private long position;
  private boolean done;

  private DownloadCall(ServerCallStreamObserver<PayloadChunk> out, PayloadFile payload, Release release,
      String deploymentId, long offset) {
    this.out = out;
    this.payload = payload;
    this.release = release;
    this.deploymentId = deploymentId;
    this.position = offset;
  }

  /** Checks the request (the caller must own the deployment; the offset must be a chunk boundary) and starts. */
  static void start(DownloadRequest request, DeploymentService deployments, CatalogueService catalogue,
      ServerCallStreamObserver<PayloadChunk> out) {
    DownloadCall call = null;
    try {
      String caller = AgentGrpcService.requireCaller("endpoint_id", request.getEndpointId());
      Require.matches("deployment_id", request.getDeploymentId(), StatusReport.DEPLOYMENT_ID,
          "dep- followed by 16 lowercase hex digits");
      Deployment deployment = deployments.requireOwned(caller, request.getDeploymentId());
      Release release = deployments.releaseOf(deployment).requireSigned(); // no unsigned payload reaches an agent
      long offset = request.getOffset();
      if (offset < 0 || offset >= release.length() || offset % release.chunkSize() != 0) {
        throw ConvoyException.invalidArgument("offset: " + offset + " (expected: a multiple of chunk_size "
            + release.chunkSize() + " below length " + release.length() + ")");
      }
      PayloadFile payload = new PayloadFile(catalogue.openPayload(release), release.sha256(), release.length());
      call = new DownloadCall(out, payload, release, deployment.id(), offset);
      payload.requireComplete();
      logger.info("download started deployment={} release={} offset={}", deployment.id(), release.ref(), offset);
    } catch (RuntimeException | IOException e) {
      if (call != null) {
        call.finish();
      }
      GrpcCalls.fail(out, e instanceof EOFException ? ConvoyException.internal(e.getMessage(), e) : e);
      return;
    }
    out.setOnCancelHandler(call::cancelled);
    out.setOnReadyHandler(call::pump);
    out.setOnReadyThreshold(onReadyThreshold(call.release));
    call.pump();
  }

  /** Bytes queued in the transport below which the call asks for the next chunk: one chunk (see class doc). */
  static int onReadyThreshold(Release release) {
    return release.chunkSize();
  }

  private synchronized void pump() {
    try {
      while (!done && out.isReady()) {
        int size = (int) Math.min(release.chunkSize(), release.length() - position);
        out.onNext(new PayloadChunk(payload, position, size));
        position += size;
        if (position >= release.length()) {
          finish();
          out.onCompleted();
        }
      }
    } catch (RuntimeException e) {
      finish();
      GrpcCalls.fail(out, e);
    }
  }

  private synchronized void cancelled() {
    if (!done) {
      logger.info("download cancelled deployment={} at={}", deploymentId, position);
    }
    finish();
  }

  private void finish() {
    if (!done) {
      done = true;
      payload.release();
    }
  }
}
