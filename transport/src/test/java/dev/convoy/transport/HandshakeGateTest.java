package dev.convoy.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gate on a real server socket with the server's TLS context: connections beyond the limit are closed before
 * TLS; a permit returns when the handshake ends or the connection closes; an accepted client certificate is recorded
 * in the TLS session; an agent presents only its own certificate; a server flight larger than the TLS context's
 * buffer for handshake records still completes.
 */
class HandshakeGateTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final CertificateAuthority ca = CertificateAuthority.create("CN=Test CA,O=Convoy", Duration.ofDays(365),
      Clock.systemUTC());
  private final Identity serverIdentity = ca.issueIdentity(CertificateAuthority.Profile.server(
      "CN=convoy-server,O=Convoy", Duration.ofDays(30), List.of("localhost", "127.0.0.1")));
  private final Identity agent = ca.issueIdentity(CertificateAuthority.Profile.client("CN=ep-1,OU=endpoint,O=Convoy",
      Duration.ofDays(30)));
  private final HandshakeGate gate = new HandshakeGate(1);
  private final BlockingQueue<SSLSession> serverSessions = new LinkedBlockingQueue<>();
  private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  private Channel server;

  @BeforeEach
  void start() throws Exception {
    SslContext tls = TlsContexts.server(serverIdentity, ClientAuth.REQUIRE);
    server = new ServerBootstrap().group(loops).channelFactory(gate.nioServerChannels())
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            SslHandler ssl = tls.newHandler(ch.alloc());
            ch.pipeline().addLast(ssl, new ChannelInboundHandlerAdapter() {
              @Override
              public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                if (event instanceof SslHandshakeCompletionEvent done && done.isSuccess()) {
                  serverSessions.add(ssl.engine().getSession());
                }
                ctx.fireUserEventTriggered(event);
              }
            });
          }
        }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
  }

  @AfterEach
  void stop() throws Exception {
    server.close().sync();
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
  }

  @Test
  void connection_beyondTheLimit_isClosedBeforeTlsAndCounted() throws Exception {
    try (Socket holding = connect()) {
      await(() -> gate.inFlight() == 1);

      try (Socket refused = connect()) {
        assertThat(closedByServer(refused)).isTrue();
      }
      assertThat(gate.refused()).isEqualTo(1);
      assertThat(gate.inFlight()).isEqualTo(1);
    }
    await(() -> gate.inFlight() == 0);
  }

  @Test
  void handshake_completed_returnsThePermitWhileTheConnectionStaysOpen() throws Exception {
    Channel client = tlsClient();
    try {
      SSLSession session = serverSessions.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(session).as("a server-side handshake").isNotNull();
      await(() -> gate.inFlight() == 0);
      assertThat(client.isActive()).isTrue();

      // The permit came back: one more connection is admitted (and holds it) rather than refused.
      try (Socket next = connect()) {
        await(() -> gate.inFlight() == 1);
      }
      assertThat(gate.refused()).isZero();
    } finally {
      client.close().sync();
    }
  }

  @Test
  void handshake_acceptedClientCertificate_isRecordedInTheSession() throws Exception {
    Channel client = tlsClient();
    try {
      SSLSession session = serverSessions.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      assertThat(session.getValue(PeerCertificate.SESSION_KEY)).isEqualTo(PeerCertificate.of(agent.certificate()));
      assertThat(PeerCertificate.of(session)).contains(new PeerCertificate("CN=ep-1,OU=endpoint,O=Convoy",
          agent.certificate().getSerialNumber().toString(16), agent.certificate().getNotBefore().toInstant(),
          agent.certificate().getNotAfter().toInstant()));
    } finally {
      client.close().sync();
    }
  }

  @Test
  void handshake_agentClientContext_presentsItsCertificateWithoutTheCa() throws Exception {
    Channel client = tlsClient();
    try {
      SSLSession session = serverSessions.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      // The server's TLS stack keeps every certificate a client presents for the life of the connection; an agent
      // presents one (the server holds the CA), which is what the benchmark's simulated agents present too.
      assertThat(session.getPeerCertificates()).containsExactly(agent.certificate());
    } finally {
      client.close().sync();
    }
  }

  @Test
  void handshake_serverFlightLargerThanTheNonApplicationBuffer_completes() throws Exception {
    Assumptions.assumeTrue(OpenSsl.isAvailable(), "BoringSSL (netty-tcnative) loads here");
    SslContext tls = TlsContexts.server(serverIdentity, ClientAuth.REQUIRE);
    assertThat(((ReferenceCountedOpenSslContext) tls).getBioNonApplicationBufferSize())
        .isEqualTo(TlsContexts.SERVER_NON_APPLICATION_BUFFER);
    // The server's certificates alone (its flight holds both) overflow the buffer: the rest must still get out.
    assertThat(serverIdentity.certificate().getEncoded().length + serverIdentity.ca().getEncoded().length)
        .isGreaterThan(TlsContexts.SERVER_NON_APPLICATION_BUFFER);

    Channel client = tlsClient();
    try {
      assertThat(serverSessions.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("a server-side handshake").isNotNull();
      assertThat(client.isActive()).isTrue();
    } finally {
      client.close().sync();
    }
  }

  @Test
  void constructor_limitBelowOne_isRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HandshakeGate(0))
        .hasMessage("handshake limit: 0 (expected: >= 1)");
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(server.localAddress(), (int) TIMEOUT.toMillis());
    socket.setSoTimeout((int) TIMEOUT.toMillis());
    return socket;
  }

  /** Whether the server ends the connection (end of stream or reset) without a byte sent by the client. */
  private static boolean closedByServer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    try {
      return in.read() == -1;
    } catch (SocketException reset) {
      return true;
    }
  }

  private Channel tlsClient() throws Exception {
    SslContext tls = TlsContexts.client(agent);
    Channel channel = new Bootstrap().group(loops).channel(NioSocketChannel.class)
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(tls.newHandler(ch.alloc(), "localhost", 0));
          }
        }).connect(server.localAddress()).sync().channel();
    channel.pipeline().get(SslHandler.class).handshakeFuture().sync();
    return channel;
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within " + TIMEOUT).isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
