package dev.convoy.server.enrollment;

/**
 * Port: issues an endpoint certificate from a CSR. Every field of the certificate comes from server policy; the
 * CSR contributes only its public key, after its self-signature is checked (proof of possession).
 * Implementations are thread-safe.
 */
public interface EndpointCertificateIssuer {
  /**
   * @param csrDer a DER-encoded PKCS#10 request
   * @throws dev.convoy.server.error.ConvoyException INVALID_ARGUMENT (field {@code csr_der}) if the request is empty,
   *     too large, malformed, not EC P-256, or its signature does not verify
   */
  IssuedCertificate issue(String endpointId, byte[] csrDer);
}
