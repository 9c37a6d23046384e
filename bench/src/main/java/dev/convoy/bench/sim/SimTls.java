package dev.convoy.bench.sim;

import dev.convoy.transport.Identity;
import dev.convoy.transport.TlsContexts;
import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The simulated agent's client TLS context: the same as {@link TlsContexts#client} (TLS 1.3, the agent's key and
 * certificate, only the Convoy CA trusted, the same provider) but with the key handed to the TLS stack directly.
 * {@code SslContextBuilder.keyManager(PrivateKey, X509Certificate...)} first wraps the key in a password-protected
 * PKCS#12 key store (PBKDF2, some milliseconds of CPU), which is nothing for one agent and minutes for 10,000.
 */
final class SimTls {
  private SimTls() {}

  static SslContext client(Identity identity) {
    try {
      SslContextBuilder builder = SslContextBuilder.forClient()
          .keyManager(new SingleKeyManager(identity))
          .trustManager(identity.ca())
          .protocols("TLSv1.3");
      return GrpcSslContexts.configure(builder, TlsContexts.provider()).build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build client TLS context", e);
    }
  }

  /**
   * Presents one key and its certificate whatever the server asks: only the certificate, not the CA, as the real
   * agent's {@code keyManager(key, certificate)} does (the server holds the CA). A CA sent along would be parsed and
   * kept per connection by the server's TLS stack (BENCHMARKS.md, scenario 1), which real agents do not cost it.
   */
  private static final class SingleKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "agent";
    private final Identity identity;

    SingleKeyManager(Identity identity) {
      this.identity = identity;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {ALIAS};
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return ALIAS;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
      return ALIAS;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return new X509Certificate[] {identity.certificate()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return identity.privateKey();
    }
  }
}
