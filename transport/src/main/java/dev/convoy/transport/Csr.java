package dev.convoy.transport;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * PKCS#10 certificate signing requests. The endpoint makes one from its own key pair (the private key never
 * leaves it); the server only takes the public key out of it, after checking the request's self-signature
 * (proof of possession). Every other field of an issued certificate comes from server policy.
 */
public final class Csr {
  /** Upper bound on an accepted CSR: a P-256 request is about 250 bytes. */
  public static final int MAX_DER_BYTES = 8 * 1024;

  private Csr() {}

  /** A DER-encoded CSR for {@code keyPair}, signed with it. {@code subjectHint} is informational only. */
  public static byte[] create(KeyPair keyPair, String subjectHint) {
    try {
      var builder = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=" + sanitize(subjectHint)),
          keyPair.getPublic());
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate());
      return builder.build(signer).getEncoded();
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot build CSR", e);
    }
  }

  /**
   * Parses a DER CSR, checks its self-signature and returns its public key.
   *
   * @throws IllegalArgumentException if it is empty, too large, malformed, or its signature does not verify
   */
  public static PublicKey verifiedPublicKey(byte[] der) {
    if (der == null || der.length == 0) {
      throw new IllegalArgumentException("csr_der: empty (expected: a DER-encoded PKCS#10 request)");
    }
    if (der.length > MAX_DER_BYTES) {
      throw new IllegalArgumentException("csr_der: " + der.length + " bytes (expected: <= " + MAX_DER_BYTES + ")");
    }
    try {
      var request = new JcaPKCS10CertificationRequest(new PKCS10CertificationRequest(der));
      PublicKey key = request.getPublicKey();
      if (!"EC".equals(key.getAlgorithm())) {
        throw new IllegalArgumentException("csr_der: key algorithm " + key.getAlgorithm() + " (expected: EC P-256)");
      }
      if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
        throw new IllegalArgumentException("csr_der: signature does not verify with its own public key");
      }
      return key;
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
          && iae.getMessage().startsWith("csr_der")) {
        throw iae;
      }
      throw new IllegalArgumentException("csr_der: malformed PKCS#10 request (" + e.getMessage() + ")", e);
    } catch (OperatorCreationException | PKCSException | java.security.GeneralSecurityException e) {
      throw new IllegalArgumentException("csr_der: cannot verify signature (" + e.getMessage() + ")", e);
    }
  }

  private static String sanitize(String hint) {
    String value = hint == null || hint.isBlank() ? "endpoint" : hint;
    return value.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
