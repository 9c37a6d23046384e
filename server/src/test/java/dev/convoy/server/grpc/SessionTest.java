package dev.convoy.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.AgentMessage;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.Hello;
import dev.convoy.protocol.v1.ListEndpointsRequest;
import dev.convoy.protocol.v1.Ping;
import dev.convoy.protocol.v1.ServerHint;
import dev.convoy.server.testing.Await;
import dev.convoy.server.testing.Collector;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {
  @TempDir Path dir;
  private TestServer server;
  private Identity a;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir);
    a = server.enroll("lab", "pc-a");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private StreamObserver<AgentMessage> open(Identity identity, Collector<ServerHint> hints, String helloId) {
    StreamObserver<AgentMessage> session = AgentServiceGrpc.newStub(server.channel(identity)).session(hints);
    session.onNext(AgentMessage.newBuilder().setHello(Hello.newBuilder().setEndpointId(helloId)).build());
    return session;
  }

  private boolean online() {
    return server.adminStub().listEndpoints(ListEndpointsRequest.getDefaultInstance()).getEndpoints(0).getOnline();
  }

  private static Status.Code code(Throwable t) {
    return ((StatusRuntimeException) t).getStatus().getCode();
  }

  @Test
  void session_helloThenClose_onlineThenOffline() throws Exception {
    Collector<ServerHint> hints = new Collector<>();
    StreamObserver<AgentMessage> session = open(a, hints, TestServer.endpointId(a));
    session.onNext(AgentMessage.newBuilder().setPing(Ping.getDefaultInstance()).build());
    Await.until(this::online);

    session.onCompleted();

    assertThat(hints.await()).singleElement().satisfies(h -> assertThat(h.hasSessionAccepted()).isTrue());
    Await.until(() -> !online());
  }

  @Test
  void session_helloNamingAnotherEndpoint_permissionDenied() {
    Identity b = server.enroll("lab", "pc-b");
    Collector<ServerHint> hints = new Collector<>();
    open(a, hints, TestServer.endpointId(b));

    Throwable error = org.assertj.core.api.Assertions.catchThrowable(hints::await);
    assertThat(code(error)).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void session_pingBeforeHello_invalidArgument() {
    Collector<ServerHint> hints = new Collector<>();
    AgentServiceGrpc.newStub(server.channel(a)).session(hints)
        .onNext(AgentMessage.newBuilder().setPing(Ping.getDefaultInstance()).build());

    Throwable error = org.assertj.core.api.Assertions.catchThrowable(hints::await);
    assertThat(code(error)).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void session_secondSessionOfSameEndpoint_replacesTheFirst() throws Exception {
    Collector<ServerHint> first = new Collector<>();
    open(a, first, TestServer.endpointId(a));
    Await.until(this::online);

    Collector<ServerHint> second = new Collector<>();
    StreamObserver<AgentMessage> replacement = open(a, second, TestServer.endpointId(a));

    Throwable error = org.assertj.core.api.Assertions.catchThrowable(first::await);
    assertThat(code(error)).isEqualTo(Status.Code.ABORTED);
    assertThat(online()).isTrue();
    replacement.onCompleted();
    assertThat(second.await()).singleElement().satisfies(h -> assertThat(h.hasSessionAccepted()).isTrue());
  }

  @Test
  void serverStop_openSessionAndAnIdleConnection_sessionEndsUnavailableAndStateIsDurable() throws Exception {
    Identity b = server.enroll("lab", "pc-b");
    Collector<ServerHint> hints = new Collector<>();
    AgentServiceGrpc.newStub(server.channel(a)).session(hints).onNext(AgentMessage.newBuilder()
        .setHello(Hello.newBuilder().setEndpointId(TestServer.endpointId(a)).setAgentVersion("9.9.1")).build());
    Await.until(() -> server.adminStub().listEndpoints(ListEndpointsRequest.getDefaultInstance()).getEndpointsList()
        .stream().anyMatch(e -> e.getEndpointId().equals(TestServer.endpointId(a)) && e.getOnline()));
    long revision = server.agentStub(b).sync(dev.convoy.protocol.v1.SyncRequest.newBuilder()
        .setEndpointId(TestServer.endpointId(b)).build()).getRevision(); // b's connection stays open, idle

    server.server().stop();

    Throwable error = org.assertj.core.api.Assertions.catchThrowable(hints::await);
    assertThat(code(error)).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(((StatusRuntimeException) error).getStatus().getDescription()).isEqualTo("server is shutting down");
    server.restart();
    // What the session's Hello recorded before the stop is there after it.
    assertThat(server.adminStub().listEndpoints(ListEndpointsRequest.getDefaultInstance()).getEndpointsList())
        .filteredOn(e -> e.getEndpointId().equals(TestServer.endpointId(a)))
        .singleElement().satisfies(e -> assertThat(e.getAgentVersion()).isEqualTo("9.9.1"));
    assertThat(server.agentStub(b).sync(dev.convoy.protocol.v1.SyncRequest.newBuilder()
        .setEndpointId(TestServer.endpointId(b)).build()).getRevision()).isEqualTo(revision);
  }
}
