package dev.convoy.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class ClientCertificateTrustManagerTest {
  private static final String CA_NAME = "CN=Test CA,O=Convoy";
  private static final String ENDPOINT = "CN=ep-1,OU=endpoint,O=Convoy";
  private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final CertificateAuthority ca = CertificateAuthority.create(CA_NAME, Duration.ofDays(3650),
      Clock.fixed(NOW.minus(Duration.ofDays(400)), ZoneOffset.UTC));
  private final CertificateAuthority issuing = CertificateAuthority.load(ca.certificate(), ca.privateKey(), CLOCK);
  private final X509Certificate leaf = issuing.issueIdentity(
      CertificateAuthority.Profile.client(ENDPOINT, Duration.ofDays(30))).certificate();
  private final ClientCertificateTrustManager trust = new ClientCertificateTrustManager(ca.certificate(), CLOCK);

  @Test
  void check_leafAloneOrFollowedByTheCa_isAccepted() {
    assertThatCode(() -> trust.check(new X509Certificate[] {leaf})).doesNotThrowAnyException();
    assertThatCode(() -> trust.check(new X509Certificate[] {leaf, ca.certificate()})).doesNotThrowAnyException();
    assertThat(trust.getAcceptedIssuers()).containsExactly(ca.certificate());
  }

  @Test
  void check_eachRefusalCase_isRefusedByTheOldPkixCheckAndByThisOne() throws Exception {
    X509TrustManager pkix = jdkPkix(ca.certificate());
    for (Map.Entry<String, X509Certificate[]> refused : refusedChains().entrySet()) {
      assertThatThrownBy(() -> pkix.checkClientTrusted(refused.getValue(), "UNKNOWN"))
          .as("old PKIX check, case %s", refused.getKey()).isInstanceOf(CertificateException.class);
      assertThatThrownBy(() -> trust.check(refused.getValue()))
          .as("one-CA check, case %s", refused.getKey()).isInstanceOf(CertificateException.class);
    }
    assertThatCode(() -> pkix.checkClientTrusted(new X509Certificate[] {leaf}, "UNKNOWN")).doesNotThrowAnyException();
  }

  @Test
  void check_stricterThanPkix_refusesExtraCertificatesCaLeafAndServerCertificates() throws Exception {
    X509Certificate otherLeaf = issuing.issueIdentity(CertificateAuthority.Profile.client("CN=ep-2,OU=endpoint,O=Convoy",
        Duration.ofDays(30))).certificate();
    X509Certificate server = issuing.issueIdentity(CertificateAuthority.Profile.server("CN=convoy-server,O=Convoy",
        Duration.ofDays(30), java.util.List.of("localhost"))).certificate();

    assertThatThrownBy(() -> trust.check(new X509Certificate[] {leaf, otherLeaf, ca.certificate()}))
        .hasMessageStartingWith("client chain: 3 certificates");
    assertThatThrownBy(() -> trust.check(new X509Certificate[] {leaf, otherLeaf}))
        .hasMessageStartingWith("client chain: 2 certificates");
    assertThatThrownBy(() -> trust.check(new X509Certificate[] {ca.certificate()}))
        .hasMessageContaining("is a CA certificate");
    assertThatThrownBy(() -> trust.check(new X509Certificate[] {server}))
        .hasMessageContaining("extended key usage");
    assertThatThrownBy(() -> trust.check(null)).hasMessage("client presented no certificate");
    assertThatThrownBy(() -> trust.check(new X509Certificate[0])).hasMessage("client presented no certificate");
  }

  @Test
  void check_afterASuccess_stillChecksValidityAgainstTheClock() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    ClientCertificateTrustManager timed = new ClientCertificateTrustManager(ca.certificate(), clock);
    timed.check(new X509Certificate[] {leaf});

    clock.now = NOW.plus(Duration.ofDays(31));

    assertThatThrownBy(() -> timed.check(new X509Certificate[] {leaf}))
        .isInstanceOf(java.security.cert.CertificateExpiredException.class);
  }

  @Test
  void check_sameSubjectSignedByAnotherCa_isRefusedByTheSignature() {
    CertificateAuthority impostor = CertificateAuthority.create(CA_NAME, Duration.ofDays(3650), CLOCK);
    X509Certificate forged = impostor.issueIdentity(CertificateAuthority.Profile.client(ENDPOINT,
        Duration.ofDays(30))).certificate();

    assertThatThrownBy(() -> trust.check(new X509Certificate[] {forged}))
        .hasMessageContaining("does not verify with the CA key");
    assertThatThrownBy(() -> trust.check(new X509Certificate[] {forged, impostor.certificate()}))
        .hasMessageStartingWith("client chain");
  }

  @Test
  void checkServerTrusted_always_refuses() {
    assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {leaf}, "ECDHE_ECDSA"))
        .isInstanceOf(CertificateException.class);
  }

  /** Chains the old JDK PKIX check refused; named for the assertion messages. */
  private Map<String, X509Certificate[]> refusedChains() throws Exception {
    Map<String, X509Certificate[]> chains = new LinkedHashMap<>();
    CertificateAuthority other = CertificateAuthority.create("CN=Other CA,O=Elsewhere", Duration.ofDays(3650), CLOCK);
    chains.put("other CA", new X509Certificate[] {other.issueIdentity(
        CertificateAuthority.Profile.client(ENDPOINT, Duration.ofDays(30))).certificate()});
    chains.put("other CA, its CA appended", new X509Certificate[] {other.issueIdentity(
        CertificateAuthority.Profile.client(ENDPOINT, Duration.ofDays(30))).certificate(), other.certificate()});
    chains.put("same CA name, other key", new X509Certificate[] {CertificateAuthority.create(CA_NAME,
        Duration.ofDays(3650), CLOCK).issueIdentity(CertificateAuthority.Profile.client(ENDPOINT,
        Duration.ofDays(30))).certificate()});
    chains.put("expired", new X509Certificate[] {CertificateAuthority.load(ca.certificate(), ca.privateKey(),
        Clock.fixed(NOW.minus(Duration.ofDays(60)), ZoneOffset.UTC)).issueIdentity(
        CertificateAuthority.Profile.client(ENDPOINT, Duration.ofDays(30))).certificate()});
    chains.put("not yet valid", new X509Certificate[] {CertificateAuthority.load(ca.certificate(), ca.privateKey(),
        Clock.fixed(NOW.plus(Duration.ofDays(10)), ZoneOffset.UTC)).issueIdentity(
        CertificateAuthority.Profile.client(ENDPOINT, Duration.ofDays(30))).certificate()});
    chains.put("key usage keyCertSign only", new X509Certificate[] {custom(new KeyUsage(KeyUsage.keyCertSign),
        KeyPurposeId.id_kp_clientAuth, null)});
    chains.put("extended key usage serverAuth only", new X509Certificate[] {custom(
        new KeyUsage(KeyUsage.digitalSignature), KeyPurposeId.id_kp_serverAuth, null)});
    chains.put("unknown critical extension", new X509Certificate[] {custom(new KeyUsage(KeyUsage.digitalSignature),
        KeyPurposeId.id_kp_clientAuth, new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"))});
    chains.put("self-signed leaf under the CA's name", new X509Certificate[] {selfSigned(CA_NAME)});
    chains.put("self-signed leaf", new X509Certificate[] {selfSigned(ENDPOINT)});
    X509Certificate tampered = tampered(leaf);
    chains.put("tampered signature", new X509Certificate[] {tampered});
    chains.put("extra unrelated certificate", new X509Certificate[] {other.issueIdentity(
        CertificateAuthority.Profile.client(ENDPOINT, Duration.ofDays(30))).certificate(), leaf, ca.certificate()});
    return chains;
  }

  private X509Certificate custom(KeyUsage usage, KeyPurposeId purpose, ASN1ObjectIdentifier criticalExtra)
      throws Exception {
    KeyPair keys = KeyPairs.newP256();
    var builder = new JcaX509v3CertificateBuilder(ca.certificate(), BigInteger.valueOf(System.nanoTime()),
        Date.from(NOW.minus(Duration.ofMinutes(5))), Date.from(NOW.plus(Duration.ofDays(30))),
        new X500Principal(ENDPOINT), keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, usage);
    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
    if (criticalExtra != null) {
      builder.addExtension(criticalExtra, true, DERNull.INSTANCE);
    }
    return Pem.toCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.privateKey())));
  }

  private static X509Certificate selfSigned(String subject) throws Exception {
    KeyPair keys = KeyPairs.newP256();
    var builder = new JcaX509v3CertificateBuilder(new X500Principal(subject), BigInteger.TEN,
        Date.from(NOW.minus(Duration.ofMinutes(5))), Date.from(NOW.plus(Duration.ofDays(30))),
        new X500Principal(subject), keys.getPublic());
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    return Pem.toCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
  }

  /** The same certificate with one bit of its signature value flipped. */
  private static X509Certificate tampered(X509Certificate certificate) throws Exception {
    byte[] der = certificate.getEncoded();
    der[der.length - 3] ^= 0x01;
    return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
        .generateCertificate(new java.io.ByteArrayInputStream(der));
  }

  /** What the server used before: the JDK's default trust manager over a key store holding only the CA. */
  private static X509TrustManager jdkPkix(X509Certificate ca) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("ca", ca);
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return (X509TrustManager) factory.getTrustManagers()[0];
  }

  private static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
