package dev.convoy.transport;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Verifies that the CA signed a certificate. For a P-256 CA and ecdsa-with-SHA256 (what {@link CertificateAuthority}
 * issues) it uses Bouncy Castle's P-256 arithmetic directly: on JDK 17 the SunEC provider needs ~3 ms per verify on
 * this class of machine, Bouncy Castle ~0.3 ms. Any other key or algorithm goes through
 * {@link X509Certificate#verify(PublicKey)}. A certificate whose signature verified once is remembered by the
 * SHA-256 of its encoding (the result depends on nothing else), so a reconnect within one server run costs a hash.
 *
 * <p>Thread-safe.
 */
final class CaSignature {
  private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
  private static final int REMEMBERED = 65_536;
  private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");

  private final PublicKey caKey;
  private final ECPublicKeyParameters fastKey; // null: not a P-256 key, use the JDK
  private final Map<ByteBuffer, Boolean> verified = new ConcurrentHashMap<>();

  private CaSignature(PublicKey caKey, ECPublicKeyParameters fastKey) {
    this.caKey = caKey;
    this.fastKey = fastKey;
  }

  static CaSignature of(X509Certificate ca) {
    PublicKey key = ca.getPublicKey();
    return new CaSignature(key, key instanceof ECPublicKey ec && isP256(ec) ? toBouncyCastle(ec) : null);
  }

  /**
   * @throws CertificateException if the CA's key does not verify {@code leaf}'s signature
   */
  void verify(X509Certificate leaf) throws CertificateException {
    ByteBuffer digest = ByteBuffer.wrap(sha256(leaf.getEncoded()));
    if (verified.containsKey(digest)) {
      return;
    }
    boolean valid;
    if (fastKey != null && ECDSA_SHA256.equals(leaf.getSigAlgOID()) && leaf.getSigAlgParams() == null) {
      valid = verifyP256(leaf);
    } else {
      try {
        leaf.verify(caKey);
        valid = true;
      } catch (GeneralSecurityException e) {
        valid = false;
      }
    }
    if (!valid) {
      throw new CertificateException("certificate signature does not verify with the CA key (not issued by this CA)");
    }
    if (verified.size() >= REMEMBERED) {
      verified.clear(); // crude bound: re-verifying costs only CPU
    }
    verified.put(digest, Boolean.TRUE);
  }

  private boolean verifyP256(X509Certificate leaf) throws CertificateException {
    BigInteger[] rs;
    try {
      // Strict DER: the encoding is re-encoded and compared, so no malleable variant passes.
      rs = StandardDSAEncoding.INSTANCE.decode(P256.getN(), leaf.getSignature());
    } catch (java.io.IOException | IllegalArgumentException e) {
      return false;
    }
    ECDSASigner signer = new ECDSASigner();
    signer.init(false, fastKey);
    return signer.verifySignature(sha256(leaf.getTBSCertificate()), rs[0], rs[1]);
  }

  private static boolean isP256(ECPublicKey key) {
    var params = key.getParams();
    return params.getOrder().equals(P256.getN()) && params.getCurve().getField().getFieldSize() == 256
        && params.getCurve().getB().equals(P256.getCurve().getB().toBigInteger());
  }

  private static ECPublicKeyParameters toBouncyCastle(ECPublicKey key) {
    ECPoint point = P256.getCurve().validatePoint(key.getW().getAffineX(), key.getW().getAffineY());
    return new ECPublicKeyParameters(point, new ECDomainParameters(P256));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
