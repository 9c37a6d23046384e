package dev.convoy.server.pki;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.transport.Csr;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;

/** The one check every CSR the server signs passes: self-signature verifies, key on P-256. Stateless. */
final class CsrKeys {
  private CsrKeys() {}

  /** @throws ConvoyException INVALID_ARGUMENT naming {@code csr_der} */
  static PublicKey p256(byte[] csrDer) {
    PublicKey key;
    try {
      key = Csr.verifiedPublicKey(csrDer);
    } catch (IllegalArgumentException e) {
      throw ConvoyException.invalidArgument(e.getMessage());
    }
    if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
      throw ConvoyException.invalidArgument("csr_der: key is not on curve P-256 (expected: EC P-256)");
    }
    return key;
  }
}
