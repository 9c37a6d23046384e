package dev.convoy.agent.grpc;

import dev.convoy.agent.deployment.ServerApi;
import dev.convoy.agent.session.SessionConnector;
import dev.convoy.transport.Channels;
import dev.convoy.transport.Identity;
import dev.convoy.transport.ServerAddress;
import dev.convoy.transport.TlsContexts;
import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;

/**
 * The agent's one mTLS channel to the server (TLS 1.3, its endpoint identity, trusting only its CA) and the
 * ports built on it. The channel reconnects by itself; the session loop decides when to use it again.
 *
 * <p>Thread-safe.
 */
public final class AgentConnection implements AutoCloseable {
  private final ManagedChannel channel;
  private final String endpointId;
  private final GrpcServerApi serverApi;
  private final GrpcSessionConnector sessionConnector;
  private final GrpcKnowledgeApi knowledge;

  private AgentConnection(ManagedChannel channel, String endpointId) {
    this.channel = channel;
    this.endpointId = endpointId;
    // status reports travel on the session stream while one is open and accepted, with ReportStatus otherwise
    StreamReports streamReports = new StreamReports();
    this.serverApi = new GrpcServerApi(channel, endpointId, GrpcServerApi.CALL_TIMEOUT, streamReports);
    this.sessionConnector = new GrpcSessionConnector(channel, streamReports);
    this.knowledge = new GrpcKnowledgeApi(channel, endpointId, GrpcServerApi.CALL_TIMEOUT);
  }

  /** Opens (lazily: nothing is sent yet) the channel to {@code server} as {@code identity}. */
  public static AgentConnection open(ServerAddress server, Identity identity, String endpointId) {
    return new AgentConnection(Channels.open(server, TlsContexts.client(identity)), endpointId);
  }

  public ServerApi serverApi() {
    return serverApi;
  }

  /** Sends technician jobs' install output (issue 5). */
  public dev.convoy.agent.technician.InstallOutputApi installOutputApi() {
    return new GrpcInstallOutputApi(channel, endpointId);
  }

  /** Documents and training attestations (issue 5). */
  public GrpcKnowledgeApi knowledge() {
    return knowledge;
  }

  public SessionConnector sessionConnector() {
    return sessionConnector;
  }

  /** Closes the channel, waiting briefly for calls in flight. */
  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
