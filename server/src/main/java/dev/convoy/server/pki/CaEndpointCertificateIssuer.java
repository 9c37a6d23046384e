package dev.convoy.server.pki;

import dev.convoy.server.enrollment.EndpointCertificateIssuer;
import dev.convoy.server.enrollment.IssuedCertificate;
import dev.convoy.transport.CertificateAuthority;
import dev.convoy.transport.Pem;
import java.security.cert.X509Certificate;

/** Issues endpoint certificates with the server's CA, following {@link CertificatePolicy}. Thread-safe. */
public final class CaEndpointCertificateIssuer implements EndpointCertificateIssuer {
  private final CertificateAuthority ca;

  public CaEndpointCertificateIssuer(CertificateAuthority ca) {
    this.ca = ca;
  }

  @Override
  public IssuedCertificate issue(String endpointId, byte[] csrDer) {
    X509Certificate certificate = ca.issue(CsrKeys.p256(csrDer), CertificatePolicy.endpoint(endpointId));
    return new IssuedCertificate(Pem.encode(certificate), Pem.encode(ca.certificate()),
        certificate.getSerialNumber().toString(16), certificate.getNotAfter().toInstant());
  }
}
