package dev.convoy.transport;

import java.math.BigInteger;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * What the server needs of a verified client certificate for the life of a connection: its subject, serial and
 * validity, as plain values. {@link ClientCertificateTrustManager} records it in the TLS session while it verifies
 * the chain, so that per-call authorisation reads these fields instead of asking the session for its peer
 * certificates, which parses the certificate again and keeps the parsed form (DER decoders, OIDs, names) for as long
 * as the connection lives.
 *
 * @param subject the subject distinguished name, RFC 2253
 * @param serialHex the serial number in lower-case hexadecimal, as the server stores it
 * @param notBefore start of validity
 * @param notAfter end of validity
 */
public record PeerCertificate(String subject, String serialHex, Instant notBefore, Instant notAfter) {
  /** The TLS session value under which it is recorded. */
  static final String SESSION_KEY = "dev.convoy.peer-certificate";

  /** The values of {@code certificate}. */
  public static PeerCertificate of(X509Certificate certificate) {
    BigInteger serial = certificate.getSerialNumber();
    return new PeerCertificate(certificate.getSubjectX500Principal().getName(), serial.toString(16),
        certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
  }

  /**
   * The verified client certificate of {@code session}: the one recorded at the handshake, or else (a trust
   * manager that did not record it, e.g. another provider's) read from the session's peer chain and recorded now.
   * Empty if the client presented none.
   */
  public static Optional<PeerCertificate> of(SSLSession session) {
    if (session.getValue(SESSION_KEY) instanceof PeerCertificate recorded) {
      return Optional.of(recorded);
    }
    try {
      Certificate[] chain = session.getPeerCertificates();
      if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
        return Optional.empty();
      }
      PeerCertificate read = of(leaf);
      session.putValue(SESSION_KEY, read);
      return Optional.of(read);
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
  }

  /** Records it in {@code session} (the handshake's), if there is one. */
  void recordIn(SSLSession session) {
    if (session != null) {
      session.putValue(SESSION_KEY, this);
    }
  }
}
