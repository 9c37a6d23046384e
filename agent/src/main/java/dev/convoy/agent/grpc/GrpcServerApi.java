package dev.convoy.agent.grpc;

import dev.convoy.agent.deployment.DesiredState;
import dev.convoy.agent.deployment.ServerApi;
import dev.convoy.agent.deployment.StatusAck;
import dev.convoy.agent.deployment.StatusReport;
import dev.convoy.agent.download.ChunkSink;
import dev.convoy.agent.inventory.InventoryAck;
import dev.convoy.agent.inventory.InventoryReport;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.DownloadChunk;
import dev.convoy.protocol.v1.DownloadRequest;
import dev.convoy.protocol.v1.SyncRequest;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * {@link ServerApi} over {@code convoy.v1.AgentService}. Unary calls carry a deadline; the download stream has
 * none (a large payload on a slow link takes what it takes; HTTP/2 keepalives detect a dead link) and is
 * cancelled as soon as the sink refuses a chunk. Every failure becomes a {@code ServerException}.
 *
 * <p>Thread-safe.
 */
public final class GrpcServerApi implements ServerApi {
  /** Deadline of each unary call. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final AgentServiceGrpc.AgentServiceBlockingStub stub;
  private final String endpointId;
  private final Duration callTimeout;

  public GrpcServerApi(Channel channel, String endpointId, Duration callTimeout) {
    this.stub = AgentServiceGrpc.newBlockingStub(channel);
    this.endpointId = endpointId;
    this.callTimeout = callTimeout;
  }

  @Override
  public DesiredState sync(long knownRevision) {
    try {
      return ProtoMapper.desiredState(unary().sync(
          SyncRequest.newBuilder().setEndpointId(endpointId).setKnownRevision(knownRevision).build()));
    } catch (StatusRuntimeException e) {
      throw StatusMapper.toServerException("Sync", e);
    }
  }

  @Override
  public StatusAck report(StatusReport report) {
    try {
      return ProtoMapper.statusAck(unary().reportStatus(ProtoMapper.statusReport(endpointId, report)));
    } catch (StatusRuntimeException e) {
      throw StatusMapper.toServerException("ReportStatus", e);
    }
  }

  @Override
  public InventoryAck reportInventory(InventoryReport report) {
    try {
      return InventoryMapper.ack(unary().reportInventory(InventoryMapper.report(endpointId, report)));
    } catch (StatusRuntimeException e) {
      throw StatusMapper.toServerException("ReportInventory", e);
    }
  }

  @Override
  public void fetch(String deploymentId, long offset, ChunkSink sink) throws IOException {
    DownloadRequest request = DownloadRequest.newBuilder()
        .setEndpointId(endpointId).setDeploymentId(deploymentId).setOffset(offset).build();
    Context.CancellableContext context = Context.current().withCancellation();
    Context previous = context.attach();
    try {
      Iterator<DownloadChunk> chunks = stub.download(request);
      while (chunks.hasNext()) {
        DownloadChunk chunk = chunks.next();
        sink.accept(chunk.getOffset(), chunk.getData().asReadOnlyByteBuffer());
      }
    } catch (StatusRuntimeException e) {
      throw StatusMapper.toServerException("Download", e);
    } finally {
      context.detach(previous);
      context.cancel(null); // ends the stream when the sink gave up half-way; a no-op after a clean end
    }
  }

  private AgentServiceGrpc.AgentServiceBlockingStub unary() {
    return stub.withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
