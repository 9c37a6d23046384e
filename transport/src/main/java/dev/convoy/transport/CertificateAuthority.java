package dev.convoy.transport;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Convoy's certificate authority: ECDSA P-256 keys, SHA256withECDSA signatures, Bouncy Castle builders over the
 * JDK provider. It issues server certificates (serverAuth) and client certificates for endpoints and people
 * (clientAuth). What goes into a certificate is decided by the caller's {@link Profile}, never by a CSR.
 *
 * <p>Thread-safe: issuing only reads immutable state.
 */
public final class CertificateAuthority {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final X509Certificate certificate;
  private final PrivateKey privateKey;
  private final Clock clock;

  private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey, Clock clock) {
    this.certificate = certificate;
    this.privateKey = privateKey;
    this.clock = clock;
  }

  /** A new self-signed CA named {@code subject} (an X.500 name such as {@code CN=Convoy CA,O=Convoy}). */
  public static CertificateAuthority create(String subject, Duration validity, Clock clock) {
    KeyPair keyPair = KeyPairs.newP256();
    X500Principal name = new X500Principal(subject);
    Instant now = clock.instant();
    try {
      var builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(Duration.ofMinutes(5))),
          Date.from(now.plus(validity)), name, keyPair.getPublic());
      var utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keyPair.getPublic()));
      X509Certificate cert = sign(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
      return new CertificateAuthority(cert, keyPair.getPrivate(), clock);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create CA", e);
    }
  }

  /** An existing CA from its certificate and key. */
  public static CertificateAuthority load(X509Certificate certificate, PrivateKey privateKey, Clock clock) {
    return new CertificateAuthority(Objects.requireNonNull(certificate), Objects.requireNonNull(privateKey), clock);
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  public Fingerprint fingerprint() {
    return Fingerprint.of(certificate);
  }

  /** What a certificate is for; decides its extended key usage. */
  public enum Usage { SERVER, CLIENT }

  /**
   * Server policy for one certificate.
   *
   * @param subject X.500 subject, e.g. {@code CN=ep-1a2b,OU=endpoint,O=Convoy}
   * @param sans DNS names and IP addresses (servers only)
   */
  public record Profile(String subject, Usage usage, Duration validity, List<String> sans) {
    public Profile {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(usage, "usage");
      if (validity.isNegative() || validity.isZero()) {
        throw new IllegalArgumentException("validity: " + validity + " (expected: > 0)");
      }
      sans = List.copyOf(sans);
    }

    public static Profile client(String subject, Duration validity) {
      return new Profile(subject, Usage.CLIENT, validity, List.of());
    }

    public static Profile server(String subject, Duration validity, List<String> sans) {
      return new Profile(subject, Usage.SERVER, validity, sans);
    }
  }

  /** Issues a certificate for {@code publicKey} following {@code profile}. */
  public X509Certificate issue(PublicKey publicKey, Profile profile) {
    Instant now = clock.instant();
    try {
      var builder = new JcaX509v3CertificateBuilder(certificate, serial(),
          Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(profile.validity())),
          new X500Principal(profile.subject()), publicKey);
      var utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
          profile.usage() == Usage.SERVER ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
      builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
      builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
      if (!profile.sans().isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false, generalNames(profile.sans()));
      }
      return sign(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(privateKey)));
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot issue certificate for " + profile.subject(), e);
    }
  }

  /** Generates a key pair and issues its certificate: for the server itself, people, and tests. */
  public Identity issueIdentity(Profile profile) {
    KeyPair keyPair = KeyPairs.newP256();
    return new Identity(keyPair.getPrivate(), issue(keyPair.getPublic(), profile), certificate);
  }

  private static GeneralNames generalNames(List<String> sans) {
    List<GeneralName> names = new ArrayList<>();
    for (String san : sans) {
      names.add(isIpLiteral(san) ? new GeneralName(GeneralName.iPAddress, san) : new GeneralName(GeneralName.dNSName, san));
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  private static boolean isIpLiteral(String value) {
    if (!value.matches("[0-9.]+") && !value.contains(":")) {
      return false;
    }
    try {
      InetAddress.getByName(value);
      return true;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("subject alternative name: '" + value + "' is not a valid IP address");
    }
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM).setBit(126); // positive, 16 bytes, never zero
  }

  private static X509Certificate sign(X509CertificateHolder holder) {
    return Pem.toCertificate(holder);
  }
}
