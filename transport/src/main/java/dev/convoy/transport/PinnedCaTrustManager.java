package dev.convoy.transport;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts a server only if its chain contains the CA whose fingerprint was pinned, and the server certificate
 * validates against that CA. Used once, at enrollment, before the agent holds the CA certificate itself.
 */
public final class PinnedCaTrustManager implements X509TrustManager {
  private final Fingerprint pinned;
  private volatile X509Certificate seenCa;

  public PinnedCaTrustManager(Fingerprint pinned) {
    this.pinned = pinned;
  }

  /** The pinned CA as the server presented it, once a handshake succeeded; null before. */
  public X509Certificate seenCa() {
    return seenCa;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("server presented no certificate");
    }
    X509Certificate ca = null;
    for (X509Certificate candidate : chain) {
      if (Fingerprint.of(candidate).matches(pinned)) {
        ca = candidate;
      }
    }
    if (ca == null) {
      Fingerprint presented = Fingerprint.of(chain[chain.length - 1]);
      throw new CertificateException("CA fingerprint mismatch: the server presented " + presented
          + ", expected " + pinned);
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
      parameters.setRevocationEnabled(false);
      CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(List.of(chain[0])), parameters);
    } catch (GeneralSecurityException e) {
      throw new CertificateException("server certificate does not validate against the pinned CA: " + e.getMessage(), e);
    }
    seenCa = ca;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("a pinned-CA trust manager only checks servers");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
