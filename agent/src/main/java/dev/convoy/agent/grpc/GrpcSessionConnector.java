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
 * Hello then Pings (and status reports, {@link StreamReports}, once the server accepted the stream for them), and
 * the server sends hints (and the reports' answers). Thread-safe; each returned channel is used by one thread.
 */
public final class GrpcSessionConnector implements SessionConnector {
  private static final Logger logger = LoggerFactory.getLogger(GrpcSessionConnector.class);

  private final Channel channel;
  private final AgentServiceGrpc.AgentServiceStub stub;
  private final StreamReports reports;

  /** Sessions that carry no status reports. */
  public GrpcSessionConnector(Channel channel) {
    this(channel, new StreamReports());
  }

  /** Sessions that carry status reports (through {@code reports}) once the server accepts them for that. */
  public GrpcSessionConnector(Channel channel, StreamReports reports) {
    this.channel = channel;
    this.stub = AgentServiceGrpc.newStub(channel);
    this.reports = reports;
  }

  @Override
  public SessionChannel open(Hello hello, SessionListener listener) {
    if (channel instanceof ManagedChannel managed) {
      // The session loop's backoff is the only one: without this, gRPC's own reconnect backoff (1 s growing 1.6x
      // to 2 min) fails the attempt at once while the channel waits, and the two stack after a server restart.
      managed.resetConnectBackoff();
    }
    Hints hints = new Hints(listener, reports);
    StreamObserver<AgentMessage> requests = stub.session(hints);
    Stream stream = new Stream((ClientCallStreamObserver<AgentMessage>) requests, reports);
    hints.stream = stream; // before the Hello: the server's answers to it name this stream
    requests.onNext(AgentMessage.newBuilder().setHello(ProtoMapper.hello(hello)).build());
    return stream;
  }

  /** Server hints to listener calls; report answers to {@link StreamReports}. */
  private static final class Hints implements StreamObserver<ServerHint> {
    private final SessionListener listener;
    private final StreamReports reports;
    private volatile Stream stream;

    Hints(SessionListener listener, StreamReports reports) {
      this.listener = listener;
      this.reports = reports;
    }

    @Override
    public void onNext(ServerHint hint) {
      switch (hint.getKindCase()) {
        case REVISION_READY -> listener.revisionReady(hint.getRevisionReady().getRevision());
        case INVENTORY_REQUEST -> listener.inventoryRequested();
        case SESSION_ACCEPTED -> reports.accepted(stream, hint.getSessionAccepted().getMaxReportsInFlight());
        case REPORT_ACK -> reports.acked(stream, hint.getReportAck());
        default -> logger.debug("session hint ignored kind={}", hint.getKindCase());
      }
    }

    @Override
    public void onError(Throwable t) {
      reports.ended(stream);
      listener.closed(StatusMapper.toServerException("Session", t));
    }

    @Override
    public void onCompleted() {
      reports.ended(stream);
      listener.closed(null);
    }
  }

  /** The agent's half of the stream. */
  private static final class Stream implements SessionChannel, StreamReports.Sender {
    private final ClientCallStreamObserver<AgentMessage> requests;
    private final StreamReports reports;
    private boolean closed;

    Stream(ClientCallStreamObserver<AgentMessage> requests, StreamReports reports) {
      this.requests = requests;
      this.reports = reports;
    }

    @Override
    public synchronized boolean send(AgentMessage message) {
      if (closed) {
        return false;
      }
      try {
        requests.onNext(message);
        return true;
      } catch (RuntimeException e) {
        logger.debug("report not sent on the session reason=\"{}\"", e.getMessage());
        return false; // the stream already ended
      }
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
    public void close() {
      reports.ended(this);
      synchronized (this) {
        if (!closed) {
          closed = true;
          requests.cancel("agent session closed", null);
        }
      }
    }
  }
}
