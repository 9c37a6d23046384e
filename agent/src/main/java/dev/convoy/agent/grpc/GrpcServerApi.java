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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link ServerApi} over {@code convoy.v1.AgentService}. Unary calls carry a deadline; the download stream has
 * none (a large payload on a slow link takes what it takes; HTTP/2 keepalives detect a dead link) and is
 * cancelled as soon as the sink refuses a chunk. Every failure becomes a {@code ServerException}.
 * Status reports go on the open Session stream when the server accepted it for them ({@link StreamReports}), with
 * the same deadline and the same exceptions, and with ReportStatus otherwise.
 *
 * <p>Thread-safe.
 */
public final class GrpcServerApi implements ServerApi {
  /** Deadline of each unary call. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final AgentServiceGrpc.AgentServiceBlockingStub stub;
  private final String endpointId;
  private final Duration callTimeout;
  private final StreamReports streamReports;

  /** Reports always with ReportStatus. */
  public GrpcServerApi(Channel channel, String endpointId, Duration callTimeout) {
    this(channel, endpointId, callTimeout, new StreamReports());
  }

  /** Reports on the session stream {@code streamReports} tracks while one is accepted, else with ReportStatus. */
  public GrpcServerApi(Channel channel, String endpointId, Duration callTimeout, StreamReports streamReports) {
    this.stub = AgentServiceGrpc.newBlockingStub(channel);
    this.endpointId = endpointId;
    this.callTimeout = callTimeout;
    this.streamReports = streamReports;
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
      dev.convoy.protocol.v1.StatusReport request = ProtoMapper.statusReport(endpointId, report);
      Optional<dev.convoy.protocol.v1.StatusAck> onStream = streamReports.send(request, callTimeout);
      return ProtoMapper.statusAck(onStream.isPresent() ? onStream.get() : unary().reportStatus(request));
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
