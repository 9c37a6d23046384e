package dev.convoy.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.transport.CertificateAuthority;
import dev.convoy.transport.Identity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityFileTest {
  private static final CertificateAuthority CA =
      CertificateAuthority.create("CN=Convoy CA test,O=Convoy", Duration.ofDays(30), Clock.systemUTC());

  @TempDir
  Path dir;

  private static Identity endpoint() {
    return CA.issueIdentity(CertificateAuthority.Profile.client("CN=ep-0123456789abcdef,OU=endpoint,O=Convoy",
        Duration.ofDays(1)));
  }

  @Test
  void load_fileWrittenByIdentitySave_sameIdentityAsTransportReader() throws Exception {
    Identity identity = endpoint();
    Path file = dir.resolve("identity.pem");
    identity.save(file);

    Identity loaded = IdentityFile.load(file);

    assertThat(loaded.privateKey().getEncoded()).isEqualTo(identity.privateKey().getEncoded());
    assertThat(loaded.privateKey().getAlgorithm()).isEqualTo("EC");
    assertThat(loaded.certificate()).isEqualTo(identity.certificate());
    assertThat(loaded.ca()).isEqualTo(CA.certificate());
    assertThat(loaded).isEqualTo(Identity.load(file));
  }

  @Test
  void parse_pkcs8Identity_readWithoutBouncyCastle() {
    assertThat(IdentityFile.parse(endpoint().toPem())).isNotNull();
  }

  @Test
  void parse_rsaKey_readAsRsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    byte[] rsa = generator.generateKeyPair().getPrivate().getEncoded();
    Identity identity = endpoint();
    String pem = block("PRIVATE KEY", rsa) + block("CERTIFICATE", identity.certificate().getEncoded())
        + block("CERTIFICATE", CA.certificate().getEncoded());

    assertThat(IdentityFile.parse(pem).privateKey().getAlgorithm()).isEqualTo("RSA");
  }

  @Test
  void parse_otherBlockOrMissingCa_nullSoTheTransportReaderDecides() throws Exception {
    Identity identity = endpoint();
    String keyAndCertificate = block("PRIVATE KEY", identity.privateKey().getEncoded())
        + block("CERTIFICATE", identity.certificate().getEncoded());

    assertThat(IdentityFile.parse(keyAndCertificate)).isNull();
    assertThat(IdentityFile.parse(block("EC PRIVATE KEY", new byte[] {1, 2, 3}) + keyAndCertificate)).isNull();
    assertThat(IdentityFile.parse(block("PRIVATE KEY", new byte[] {1, 2, 3}) + keyAndCertificate)).isNull();
  }

  @Test
  void load_oneCertificateOnly_transportErrorNamesWhatIsExpected() throws Exception {
    Identity identity = endpoint();
    Path file = dir.resolve("identity.pem");
    Files.writeString(file, block("PRIVATE KEY", identity.privateKey().getEncoded())
        + block("CERTIFICATE", identity.certificate().getEncoded()), StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> IdentityFile.load(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected: 2");
  }

  @Test
  void load_missingFile_messageNamesTheFile() {
    Path file = dir.resolve("absent.pem");

    assertThatThrownBy(() -> IdentityFile.load(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("cannot read");
  }

  private static String block(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
