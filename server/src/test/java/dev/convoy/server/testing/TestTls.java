package dev.convoy.server.testing;

import dev.convoy.transport.Channels;
import dev.convoy.transport.Identity;
import dev.convoy.transport.ServerAddress;
import dev.convoy.transport.TlsContexts;
import io.grpc.ManagedChannel;
import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;

/** TLS client contexts for tests, including ones production code never builds (a foreign certificate). */
public final class TestTls {
  private TestTls() {}

  /** Presents {@code presented} (whatever CA issued it) and trusts {@code trusted} for the server. */
  public static SslContext client(Identity presented, X509Certificate trusted) {
    try {
      return GrpcSslContexts.configure(SslContextBuilder.forClient()
          .keyManager(presented.privateKey(), presented.certificate())
          .trustManager(trusted).protocols("TLSv1.3"), TlsContexts.provider()).build();
    } catch (SSLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Presents {@code presented} even when the server's certificate request names other CAs: a standard key
   * manager would quietly send no certificate then, but an attacker's client sends whatever it likes.
   */
  public static SslContext forcedClient(Identity presented, X509Certificate trusted) {
    try {
      return GrpcSslContexts.configure(SslContextBuilder.forClient()
          .keyManager(new AlwaysPresent(presented))
          .trustManager(trusted).protocols("TLSv1.3"), TlsContexts.provider()).build();
    } catch (SSLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class AlwaysPresent extends javax.net.ssl.X509ExtendedKeyManager {
    private final Identity identity;

    AlwaysPresent(Identity identity) {
      this.identity = identity;
    }

    @Override
    public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
      return "client";
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers,
        javax.net.ssl.SSLEngine engine) {
      return "client";
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return new X509Certificate[] {identity.certificate()};
    }

    @Override
    public java.security.PrivateKey getPrivateKey(String alias) {
      return identity.privateKey();
    }

    @Override
    public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
      return new String[] {"client"};
    }

    @Override
    public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
      return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
      return null;
    }
  }

  /** No client certificate; trusts {@code trusted} for the server. */
  public static SslContext anonymous(X509Certificate trusted) {
    try {
      return GrpcSslContexts.configure(SslContextBuilder.forClient().trustManager(trusted).protocols("TLSv1.3"),
          TlsContexts.provider()).build();
    } catch (SSLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ManagedChannel channel(int port, SslContext tls) {
    return Channels.open(new ServerAddress("127.0.0.1", port), tls);
  }
}
