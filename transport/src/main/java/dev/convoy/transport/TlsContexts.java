package dev.convoy.transport;

import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.time.Clock;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/**
 * TLS 1.3 contexts for gRPC over Netty. BoringSSL (netty-tcnative) when it loads, the JDK otherwise; both give
 * TLS 1.3. The only trust anchor is Convoy's own CA: never the system trust store.
 */
public final class TlsContexts {
  private static final String TLS13 = "TLSv1.3";
  /**
   * Bytes of the native buffer each server connection keeps for TLS records BoringSSL writes while Netty reads
   * (the server's handshake flight, session tickets, alerts). Netty's default, 2 KiB, is allocated per connection
   * and held for its whole life: 20 MiB for 10,000 idle agents. A flight larger than the buffer is not lost: BoringSSL
   * keeps the rest and Netty drains it on its next write (a few more JNI calls per handshake, measured within noise).
   */
  static final int SERVER_NON_APPLICATION_BUFFER = 512;

  private TlsContexts() {}

  /** The provider in use: OPENSSL when BoringSSL loads on this machine, JDK otherwise. */
  public static SslProvider provider() {
    return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
  }

  /**
   * A server context presenting {@code identity} (certificate then CA, so that an enrolling agent can pin the CA).
   *
   * @param clientAuth REQUIRE to refuse handshakes without a client certificate; OPTIONAL to let an
   *     interceptor refuse every call but enrollment (see {@code EnrollmentService})
   */
  public static SslContext server(Identity identity, ClientAuth clientAuth) {
    try {
      SslContextBuilder builder = SslContextBuilder
          .forServer(identity.privateKey(), identity.certificate(), identity.ca())
          // Our one-CA check instead of the JDK's PKIX path builder: see ClientCertificateTrustManager.
          .trustManager(new ClientCertificateTrustManager(identity.ca(), Clock.systemUTC()))
          .clientAuth(clientAuth)
          .protocols(TLS13);
      SslContext context = GrpcSslContexts.configure(builder, provider()).build();
      if (context instanceof ReferenceCountedOpenSslContext openSsl) {
        openSsl.setBioNonApplicationBufferSize(SERVER_NON_APPLICATION_BUFFER);
      }
      return context;
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build server TLS context", e);
    }
  }

  /** A client context presenting {@code identity} and trusting only its CA. */
  public static SslContext client(Identity identity) {
    try {
      SslContextBuilder builder = SslContextBuilder.forClient()
          .keyManager(identity.privateKey(), identity.certificate())
          .trustManager(identity.ca())
          .protocols(TLS13);
      return GrpcSslContexts.configure(builder, provider()).build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build client TLS context", e);
    }
  }

  /** A client context without a client certificate that trusts a server only through the pinned CA. */
  public static SslContext pinned(PinnedCaTrustManager trustManager) {
    return anonymous(trustManager);
  }

  /** A client context without a client certificate (enrollment, and tests of refusal). */
  public static SslContext anonymous(TrustManager trustManager) {
    try {
      SslContextBuilder builder = SslContextBuilder.forClient().trustManager(trustManager).protocols(TLS13);
      return GrpcSslContexts.configure(builder, provider()).build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build client TLS context", e);
    }
  }
}
