package dev.convoy.transport;

import java.net.Socket;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * The server's check of client certificates: the chain is exactly our one CA's leaf (alone, or followed by that
 * very CA certificate), and the leaf is a current, CA-signed end-entity certificate for client authentication.
 * Convoy has no intermediates, so this replaces the JDK's general PKIX path builder with the handful of checks
 * that apply, and verifies the CA's ECDSA P-256 signature with {@link CaSignature} (Bouncy Castle's curve
 * arithmetic, ~10 times faster than the JDK 17 provider, which made it the largest cost of a full handshake).
 *
 * <p>Refused: no certificate; any extra certificate; an issuer other than the CA; a signature the CA key does not
 * verify (other CA, self-signed, tampered); a certificate not valid now (per the clock); a CA certificate
 * (basic constraints cA) as the leaf; key usage without digitalSignature; extended key usage without clientAuth;
 * an unknown critical extension; a key other than EC of at least 256 bits; a signature algorithm the CA does not
 * use. Revocation is not its concern: the server's interceptor and stream guard check the stored records.
 *
 * <p>A chain it accepts is recorded in the handshake's TLS session as a {@link PeerCertificate}, which the server
 * reads per call instead of the session's peer certificates.
 *
 * <p>Thread-safe.
 */
public final class ClientCertificateTrustManager extends X509ExtendedTrustManager {
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String ANY_USAGE = "2.5.29.37.0";
  /** Critical extensions this check understands: key usage, basic constraints, extended key usage, SANs. */
  private static final Set<String> UNDERSTOOD_CRITICAL = Set.of("2.5.29.15", "2.5.29.19", "2.5.29.37", "2.5.29.17");

  private final X509Certificate ca;
  private final byte[] caDer;
  private final X500Principal caSubject;
  private final CaSignature signature;
  private final Clock clock;

  /**
   * @param ca the one trusted CA; its key signs every client certificate
   * @param clock decides "valid now"
   */
  public ClientCertificateTrustManager(X509Certificate ca, Clock clock) {
    this.ca = ca;
    try {
      this.caDer = ca.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalArgumentException("ca: cannot be encoded", e);
    }
    this.caSubject = ca.getSubjectX500Principal();
    this.signature = CaSignature.of(ca);
    this.clock = clock;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
    PeerCertificate.of(chain[0]).recordIn(engine == null ? null : engine.getHandshakeSession());
  }

  /**
   * Checks a client chain.
   *
   * @throws CertificateException naming what is wrong, if any of the class's refusals applies
   */
  public void check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("client presented no certificate");
    }
    if (chain.length > 2 || (chain.length == 2 && !Arrays.equals(chain[1].getEncoded(), caDer))) {
      throw new CertificateException("client chain: " + chain.length + " certificates (expected: the leaf, "
          + "optionally followed by the Convoy CA)");
    }
    X509Certificate leaf = chain[0];
    if (!caSubject.equals(leaf.getIssuerX500Principal())) {
      throw new CertificateException("client certificate issuer: " + leaf.getIssuerX500Principal()
          + " (expected: " + caSubject + ")");
    }
    if (leaf.getBasicConstraints() != -1) {
      throw new CertificateException("client certificate is a CA certificate (expected: an end entity)");
    }
    checkExtensions(leaf);
    checkKey(leaf.getPublicKey());
    leaf.checkValidity(Date.from(clock.instant()));
    signature.verify(leaf);
  }

  private static void checkExtensions(X509Certificate leaf) throws CertificateException {
    Set<String> critical = leaf.getCriticalExtensionOIDs();
    if (critical != null && !UNDERSTOOD_CRITICAL.containsAll(critical)) {
      throw new CertificateException("client certificate has unknown critical extensions: " + critical);
    }
    boolean[] keyUsage = leaf.getKeyUsage();
    if (keyUsage != null && (keyUsage.length == 0 || !keyUsage[0])) {
      throw new CertificateException("client certificate key usage: no digitalSignature");
    }
    List<String> extended;
    try {
      extended = leaf.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      throw new CertificateException("client certificate extended key usage: malformed", e);
    }
    if (extended != null && !extended.contains(CLIENT_AUTH) && !extended.contains(ANY_USAGE)) {
      throw new CertificateException("client certificate extended key usage: " + extended
          + " (expected: clientAuth)");
    }
  }

  private static void checkKey(PublicKey key) throws CertificateException {
    if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() < 256) {
      throw new CertificateException("client certificate key: " + key.getAlgorithm() + " (expected: EC P-256)");
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("this trust manager only checks clients");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    throw new CertificateException("this trust manager only checks clients");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("this trust manager only checks clients");
  }

  /** The CA: what the server asks clients for (certificate_authorities). */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[] {ca};
  }
}
