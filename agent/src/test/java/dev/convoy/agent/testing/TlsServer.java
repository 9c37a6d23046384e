package dev.convoy.agent.testing;

import dev.convoy.transport.CertificateAuthority;
import dev.convoy.transport.Identity;
import dev.convoy.transport.ServerAddress;
import dev.convoy.transport.TlsContexts;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.netty.handler.ssl.ClientAuth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** A real Netty TLS 1.3 server on a free loopback port, with a certificate from a test CA (client auth optional). */
public final class TlsServer {
  private TlsServer() {}

  public static CertificateAuthority newCa(String name) {
    return CertificateAuthority.create("CN=" + name + ",O=Convoy", Duration.ofDays(3650), Clock.systemUTC());
  }

  /** Starts {@code services} presenting a server certificate issued by {@code ca}; returns its address. */
  public static ServerAddress start(CertificateAuthority ca, GrpcCleanup cleanup, BindableService... services) {
    return start(ca, cleanup, null, services);
  }

  /** Like {@link #start(CertificateAuthority, GrpcCleanup, BindableService...)}, every call through {@code interceptor}. */
  public static ServerAddress start(CertificateAuthority ca, GrpcCleanup cleanup, ServerInterceptor interceptor,
      BindableService... services) {
    Identity identity = ca.issueIdentity(CertificateAuthority.Profile.server("CN=convoy-server,O=Convoy",
        Duration.ofDays(365), List.of("localhost", "127.0.0.1")));
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .sslContext(TlsContexts.server(identity, ClientAuth.OPTIONAL));
    for (BindableService service : services) {
      builder.addService(interceptor == null ? service.bindService()
          : ServerInterceptors.intercept(service, interceptor));
    }
    try {
      Server server = cleanup.register(builder.build().start());
      return new ServerAddress("127.0.0.1", server.getPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
