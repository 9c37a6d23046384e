package dev.convoy.server.people;

import dev.convoy.server.enrollment.IssuedCertificate;

/**
 * Port: issues person certificates ({@code CN=<name>,OU=person,O=Convoy}) from a CSR. Every field of the
 * certificate comes from server policy; the CSR contributes only its public key, after its self-signature is
 * checked. Implementations are thread-safe.
 */
public interface PersonCertificateIssuer {
  /** The certificate subject a person called {@code name} gets, as the server records it. */
  String subject(String name);

  /**
   * @param csrDer a DER-encoded PKCS#10 request
   * @throws dev.convoy.server.error.ConvoyException INVALID_ARGUMENT (field {@code csr_der}) if the request is
   *     empty, too large, malformed, not EC P-256, or its signature does not verify
   */
  IssuedCertificate issue(String name, byte[] csrDer);
}
