package dev.convoy.server.pki;

import dev.convoy.server.enrollment.IssuedCertificate;
import dev.convoy.server.people.PersonCertificateIssuer;
import dev.convoy.transport.CertificateAuthority;
import dev.convoy.transport.Pem;
import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;

/**
 * Issues person certificates ({@code CN=<name>,OU=person,O=Convoy}, clientAuth, 1 year) with the server's CA,
 * following {@link CertificatePolicy}. Thread-safe.
 */
public final class CaPersonCertificateIssuer implements PersonCertificateIssuer {
  private final CertificateAuthority ca;

  public CaPersonCertificateIssuer(CertificateAuthority ca) {
    this.ca = ca;
  }

  @Override
  public String subject(String name) {
    return new X500Principal(CertificatePolicy.person(name).subject()).getName();
  }

  @Override
  public IssuedCertificate issue(String name, byte[] csrDer) {
    X509Certificate certificate = ca.issue(CsrKeys.p256(csrDer), CertificatePolicy.person(name));
    return new IssuedCertificate(Pem.encode(certificate), Pem.encode(ca.certificate()),
        certificate.getSerialNumber().toString(16), certificate.getNotAfter().toInstant());
  }
}
