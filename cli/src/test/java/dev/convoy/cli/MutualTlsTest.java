package dev.convoy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.transport.CertificateAuthority;
import dev.convoy.transport.CertificateAuthority.Profile;
import dev.convoy.transport.Identity;
import dev.convoy.transport.TlsContexts;
import io.grpc.Grpc;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.netty.handler.ssl.ClientAuth;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;
import io.grpc.ServerInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The production channel: mutual TLS 1.3 on loopback with certificates from Convoy's own CA. */
class MutualTlsTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @TempDir
  Path dir;

  private Server server;
  private final List<String> peers = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void whoami_overMutualTls_presentsTheIdentityFile() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("CN=Convoy CA test,O=Convoy", Duration.ofDays(1),
        Clock.systemUTC());
    Identity serverIdentity = ca.issueIdentity(Profile.server("CN=convoy-server,O=Convoy", Duration.ofDays(1),
        List.of("localhost", "127.0.0.1")));
    Path adminFile = dir.resolve("admin.pem");
    ca.issueIdentity(Profile.client("CN=admin,OU=person,O=Convoy", Duration.ofDays(1))).save(adminFile);
    ServerInterceptor recordPeer = new ServerInterceptor() {
      @Override
      public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call,
          io.grpc.Metadata headers, io.grpc.ServerCallHandler<Q, R> next) {
        try {
          SSLSession ssl = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
          peers.add(((X509Certificate) ssl.getPeerCertificates()[0]).getSubjectX500Principal().getName());
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
          peers.add("none");
        }
        return next.startCall(call, headers);
      }
    };
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .sslContext(TlsContexts.server(serverIdentity, ClientAuth.REQUIRE))
        .addService(ServerInterceptors.intercept(admin.service(), recordPeer)).build().start();
    admin.channelFactory = ChannelFactory.mutualTls();

    Result result = admin.runBare("--server", "127.0.0.1:" + server.getPort(), "--identity", adminFile.toString(),
        "whoami");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("CN=admin,OU=person,O=Convoy");
    assertThat(peers).containsExactly("CN=admin,OU=person,O=Convoy");
  }

  @Test
  void whoami_nothingListening_unavailableNamesTheAddress() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CertificateAuthority ca = CertificateAuthority.create("CN=Convoy CA test,O=Convoy", Duration.ofDays(1),
        Clock.systemUTC());
    Path adminFile = dir.resolve("admin.pem");
    ca.issueIdentity(Profile.client("CN=admin,OU=person,O=Convoy", Duration.ofDays(1))).save(adminFile);
    admin.channelFactory = ChannelFactory.mutualTls();

    Result result = admin.runBare("--server", "127.0.0.1:" + port, "--identity", adminFile.toString(), "whoami");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).startsWith("error: UNAVAILABLE: the server could not be reached at 127.0.0.1:" + port);
  }

  @Test
  void whoami_missingIdentityFile_usageError() {
    admin.channelFactory = ChannelFactory.mutualTls();

    Result result = admin.runBare("--server", "127.0.0.1:1", "--identity", dir.resolve("nope.pem").toString(),
        "whoami");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("error: --identity: identity file ").contains("nope.pem: cannot read");
  }
}
