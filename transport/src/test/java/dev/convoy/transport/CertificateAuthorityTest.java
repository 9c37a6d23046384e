package dev.convoy.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
  private static final Clock CLOCK = Clock.fixed(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), ZoneOffset.UTC);
  private final CertificateAuthority ca = CertificateAuthority.create("CN=Test CA,O=Convoy", Duration.ofDays(3650), CLOCK);

  @Test
  void issue_fromCsr_takesOnlyThePublicKeyAndServerPolicy() throws Exception {
    KeyPair endpointKeys = KeyPairs.newP256();
    byte[] csr = Csr.create(endpointKeys, "CN=evil,O=Admins");

    X509Certificate cert = ca.issue(Csr.verifiedPublicKey(csr),
        CertificateAuthority.Profile.client("CN=ep-1,OU=endpoint,O=Convoy", Duration.ofDays(30)));

    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=ep-1,OU=endpoint,O=Convoy");
    assertThat(cert.getPublicKey()).isEqualTo(endpointKeys.getPublic());
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(CLOCK.instant().plus(Duration.ofDays(30)));
    cert.verify(ca.certificate().getPublicKey());
  }

  @Test
  void issue_serverProfile_carriesDnsAndIpSans() throws Exception {
    Identity server = ca.issueIdentity(CertificateAuthority.Profile.server("CN=convoy-server,O=Convoy",
        Duration.ofDays(365), List.of("localhost", "127.0.0.1")));

    assertThat(server.certificate().getSubjectAlternativeNames())
        .extracting(san -> String.valueOf(san.get(1))).containsExactly("localhost", "127.0.0.1");
    assertThat(server.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
  }

  @Test
  void verifiedPublicKey_tamperedCsr_isRefused() {
    byte[] csr = Csr.create(KeyPairs.newP256(), "ep");
    csr[csr.length - 5] ^= 0x01;

    assertThatThrownBy(() -> Csr.verifiedPublicKey(csr)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("csr_der:");
  }

  @Test
  void verifiedPublicKey_garbageOrEmpty_isRefusedNamingTheField() {
    assertThatThrownBy(() -> Csr.verifiedPublicKey(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("csr_der: malformed");
    assertThatThrownBy(() -> Csr.verifiedPublicKey(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("csr_der: empty");
  }

  @Test
  void identity_pemRoundTrip_keepsKeyCertificateAndCa() {
    Identity admin = ca.issueIdentity(CertificateAuthority.Profile.client("CN=admin,OU=person,O=Convoy",
        Duration.ofDays(365)));

    Identity back = Identity.fromPem(admin.toPem());

    assertThat(back.certificate()).isEqualTo(admin.certificate());
    assertThat(back.ca()).isEqualTo(ca.certificate());
    assertThat(back.privateKey().getEncoded()).isEqualTo(admin.privateKey().getEncoded());
    assertThat(back.subject()).isEqualTo("CN=admin,OU=person,O=Convoy");
  }

  @Test
  void fingerprint_parse_acceptsColonsAndCaseAndRejectsGarbage() {
    Fingerprint fp = ca.fingerprint();
    String colons = fp.toString().substring(7).replaceAll("(..)(?!$)", "$1:").toUpperCase();

    assertThat(Fingerprint.parse("sha256:" + colons)).isEqualTo(fp);
    assertThatThrownBy(() -> Fingerprint.parse("MD5:abcd")).hasMessageContaining("expected: SHA256:");
    assertThatThrownBy(() -> Fingerprint.parse("SHA256:zz")).hasMessageContaining("expected: SHA256:");
  }

  @Test
  void pinnedTrustManager_acceptsPinnedCaAndRejectsAnother() throws Exception {
    Identity server = ca.issueIdentity(CertificateAuthority.Profile.server("CN=s", Duration.ofDays(1), List.of("localhost")));
    CertificateAuthority other = CertificateAuthority.create("CN=Other CA", Duration.ofDays(10), CLOCK);
    X509Certificate[] chain = {server.certificate(), ca.certificate()};

    var good = new PinnedCaTrustManager(ca.fingerprint());
    good.checkServerTrusted(chain, "ECDHE_ECDSA");
    assertThat(good.seenCa()).isEqualTo(ca.certificate());

    var bad = new PinnedCaTrustManager(other.fingerprint());
    assertThatThrownBy(() -> bad.checkServerTrusted(chain, "ECDHE_ECDSA"))
        .isInstanceOf(CertificateException.class).hasMessageContaining("CA fingerprint mismatch");
  }

  @Test
  void serverAddress_parse_handlesIpv6AndRejectsMissingPort() {
    assertThat(ServerAddress.parse("[::1]:8443")).isEqualTo(new ServerAddress("::1", 8443));
    assertThat(ServerAddress.parse("localhost:1")).isEqualTo(new ServerAddress("localhost", 1));
    assertThatThrownBy(() -> ServerAddress.parse("localhost")).hasMessageContaining("expected: HOST:PORT");
    assertThatThrownBy(() -> ServerAddress.parse("h:99999")).hasMessageContaining("expected: 1..65535");
  }
}
