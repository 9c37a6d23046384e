package dev.convoy.agent.grpc;

import dev.convoy.agent.session.Hello;
import dev.convoy.agent.session.SessionChannel;
import dev.convoy.agent.session.SessionConnector;
import dev.convoy.agent.session.SessionListener;
import dev.convoy.protocol.v1.AgentMessage;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.Ping;
import dev.convoy.protocol.v1.ServerHint;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SessionConnector} over {@code AgentService.Session}: a bidirectional stream on which the agent sends
 * Hello then Pings, and the server sends hints. Thread-safe; each returned channel is used by one thread.
 */
public final class GrpcSessionConnector implements SessionConnector {
  private static final Logger logger = LoggerFactory.getLogger(GrpcSessionConnector.class);

  private final Channel channel;
  private final AgentServiceGrpc.AgentServiceStub stub;

  public GrpcSessionConnector(Channel channel) {
    this.channel = channel;
    this.stub = AgentServiceGrpc.newStub(channel);
  }

  @Override
  public SessionChannel open(Hello hello, SessionListener listener) {
    if (channel instanceof ManagedChannel managed) {
      // The session loop's backoff is the only one: without this, gRPC's own reconnect backoff (1 s growing 1.6x
      // to 2 min) fails the attempt at once while the channel waits, and the two stack after a server restart.
      managed.resetConnectBackoff();
    }
    StreamObserver<AgentMessage> requests = stub.session(new Hints(listener));
    requests.onNext(AgentMessage.newBuilder().setHello(ProtoMapper.hello(hello)).build());
    return new Stream((ClientCallStreamObserver<AgentMessage>) requests);
  }

  /** Server hints to listener calls. */
  private record Hints(SessionListener listener) implements StreamObserver<ServerHint> {
    @Override
    public void onNext(ServerHint hint) {
      switch (hint.getKindCase()) {
        case REVISION_READY -> listener.revisionReady(hint.getRevisionReady().getRevision());
        case INVENTORY_REQUEST -> listener.inventoryRequested();
        default -> logger.debug("session hint ignored kind={}", hint.getKindCase());
      }
    }

    @Override
    public void onError(Throwable t) {
      listener.closed(StatusMapper.toServerException("Session", t));
    }

    @Override
    public void onCompleted() {
      listener.closed(null);
    }
  }

  /** The agent's half of the stream. */
  private static final class Stream implements SessionChannel {
    private final ClientCallStreamObserver<AgentMessage> requests;
    private boolean closed;

    Stream(ClientCallStreamObserver<AgentMessage> requests) {
      this.requests = requests;
    }

    @Override
    public synchronized void ping(Instant at) {
      if (!closed) {
        try {
          requests.onNext(AgentMessage.newBuilder().setPing(Ping.newBuilder().setAt(ProtoMapper.timestamp(at))).build());
        } catch (RuntimeException e) {
          // The stream already ended; the listener hears about it through onError / onCompleted.
          logger.debug("ping not sent reason=\"{}\"", e.getMessage());
        }
      }
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        requests.cancel("agent session closed", null);
      }
    }
  }
}
