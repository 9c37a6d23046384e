package dev.convoy.server.pki;

import dev.convoy.server.enrollment.EndpointCertificateIssuer;
import dev.convoy.server.enrollment.IssuedCertificate;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.transport.CertificateAuthority;
import dev.convoy.transport.Csr;
import dev.convoy.transport.Pem;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.cert.X509Certificate;

/** Issues endpoint certificates with the server's CA, following {@link CertificatePolicy}. Thread-safe. */
public final class CaEndpointCertificateIssuer implements EndpointCertificateIssuer {
  private final CertificateAuthority ca;

  public CaEndpointCertificateIssuer(CertificateAuthority ca) {
    this.ca = ca;
  }

  @Override
  public IssuedCertificate issue(String endpointId, byte[] csrDer) {
    PublicKey key;
    try {
      key = Csr.verifiedPublicKey(csrDer);
    } catch (IllegalArgumentException e) {
      throw ConvoyException.invalidArgument(e.getMessage());
    }
    if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
      throw ConvoyException.invalidArgument("csr_der: key is not on curve P-256 (expected: EC P-256)");
    }
    X509Certificate certificate = ca.issue(key, CertificatePolicy.endpoint(endpointId));
    return new IssuedCertificate(Pem.encode(certificate), Pem.encode(ca.certificate()),
        certificate.getSerialNumber().toString(16), certificate.getNotAfter().toInstant());
  }
}
