package dev.convoy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherKeysTest {
  /** RFC 8032 section 7.1, test 1. */
  private static final String RFC_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  private static final String RFC_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  private static final String RFC_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8"
      + "821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

  @TempDir
  Path tmp;

  @Test
  void saveAndLoad_keyPair_roundTripsWithModes0600And0644() throws Exception {
    PublisherKeyPair pair = PublisherKeys.generate();

    PublisherKeys.savePrivateKey(pair, tmp.resolve("publisher.key"));
    PublisherKeys.savePublicKey(pair.publicKey(), tmp.resolve("publisher.pub"));
    PublisherKeyPair loaded = PublisherKeys.loadPrivateKey(tmp.resolve("publisher.key"));
    PublisherPublicKey loadedPublic = PublisherKeys.loadPublicKey(tmp.resolve("publisher.pub"));

    assertThat(Files.getPosixFilePermissions(tmp.resolve("publisher.key")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(tmp.resolve("publisher.pub")))
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(Files.readString(tmp.resolve("publisher.key"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(Files.readString(tmp.resolve("publisher.pub"))).startsWith("-----BEGIN PUBLIC KEY-----\n");
    assertThat(loaded.id()).isEqualTo(pair.id());
    assertThat(loadedPublic).isEqualTo(pair.publicKey());
    byte[] message = "manifest".getBytes(StandardCharsets.UTF_8);
    assertThat(loadedPublic.verify(message, loaded.sign(message))).isTrue();
    assertThat(tmp.toFile().list()).containsExactlyInAnyOrder("publisher.key", "publisher.pub");
  }

  @Test
  void keyId_isSha256OfTheRawPublicKey_displayedAs16Hex() {
    PublisherPublicKey key = PublisherPublicKey.fromRaw(HexFormat.of().parseHex(RFC_PUBLIC));

    assertThat(key.id().hex()).isEqualTo(Sha256.hex(HexFormat.of().parseHex(RFC_PUBLIC)));
    assertThat(key.id().display()).hasSize(16).isEqualTo(key.id().hex().substring(0, 16));
    assertThat(key.toString()).isEqualTo("Ed25519 publisher key " + key.id().display());
  }

  @Test
  void sign_rfc8032TestVector_givesTheRfcSignature() {
    String pkcs8 = "302e020100300506032b657004220420" + RFC_SECRET;
    PublisherKeyPair pair = PublisherKeys.parsePrivateKeyPem(pem("PRIVATE KEY", HexFormat.of().parseHex(pkcs8)));

    byte[] signature = pair.sign(new byte[0]);

    assertThat(HexFormat.of().formatHex(pair.publicKey().raw())).isEqualTo(RFC_PUBLIC);
    assertThat(HexFormat.of().formatHex(signature)).isEqualTo(RFC_SIGNATURE);
    assertThat(pair.publicKey().verify(new byte[0], signature)).isTrue();
    assertThat(pair.publicKey().verify(new byte[] {0}, signature)).isFalse();
  }

  @Test
  void pemForms_areWhatTheJdkReadsAndWrites() throws Exception {
    PublisherKeyPair ours = PublisherKeys.generate();
    KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] message = "cross-check".getBytes(StandardCharsets.UTF_8);

    // ours -> JDK
    KeyFactory factory = KeyFactory.getInstance("Ed25519");
    java.security.PrivateKey jdkView = factory.generatePrivate(new PKCS8EncodedKeySpec(der(
        PublisherKeys.privateKeyPem(ours))));
    PublicKey jdkPublic = factory.generatePublic(new X509EncodedKeySpec(der(PublisherKeys.publicKeyPem(
        ours.publicKey()))));
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(jdkView);
    signer.update(message);
    assertThat(ours.publicKey().verify(message, signer.sign())).isTrue();
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(jdkPublic);
    verifier.update(message);
    assertThat(verifier.verify(ours.sign(message))).isTrue();

    // JDK -> ours
    PublisherKeyPair fromJdk = PublisherKeys.parsePrivateKeyPem(pem("PRIVATE KEY", jdk.getPrivate().getEncoded()));
    PublisherPublicKey publicFromJdk = PublisherKeys.parsePublicKeyPem(pem("PUBLIC KEY", jdk.getPublic().getEncoded()));
    assertThat(fromJdk.publicKey()).isEqualTo(publicFromJdk);
  }

  @Test
  void parsePrivateKeyPem_notAnEd25519Key_refusedNamingWhatWasExpected() throws Exception {
    KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();

    assertThatThrownBy(() -> PublisherKeys.parsePrivateKeyPem(pem("PRIVATE KEY", ec.getPrivate().getEncoded())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(expected: an Ed25519 key)");
    assertThatThrownBy(() -> PublisherKeys.parsePublicKeyPem(pem("PUBLIC KEY", ec.getPublic().getEncoded())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(expected: an Ed25519 key)");
    assertThatThrownBy(() -> PublisherKeys.parsePrivateKeyPem(pem("ENCRYPTED PRIVATE KEY", new byte[] {1})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encrypted keys are not supported");
    String two = PublisherKeys.privateKeyPem(PublisherKeys.generate()) + PublisherKeys.privateKeyPem(
        PublisherKeys.generate());
    assertThatThrownBy(() -> PublisherKeys.parsePrivateKeyPem(two)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PEM: blocks [PRIVATE KEY, PRIVATE KEY] (expected: exactly one 'PRIVATE KEY' block)");
    assertThatThrownBy(() -> PublisherKeys.parsePrivateKeyPem(pem("PRIVATE KEY", new byte[] {0x30, 0})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("private key: malformed PKCS#8");
    assertThatThrownBy(() -> PublisherKeys.loadPublicKey(tmp.resolve("missing.pub")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read");
  }

  @Test
  void trustedKeys_findsOnlyTrustedKeysAndCollapsesDuplicates() {
    PublisherKeyPair a = PublisherKeys.generate();
    PublisherKeyPair b = PublisherKeys.generate();

    TrustedKeys keys = TrustedKeys.of(a.publicKey(), a.publicKey());

    assertThat(keys.size()).isEqualTo(1);
    assertThat(keys.find(a.id())).contains(a.publicKey());
    assertThat(keys.find(b.id())).isEmpty();
    assertThat(keys.with(b.publicKey()).find(b.id())).contains(b.publicKey());
    assertThat(TrustedKeys.none().find(a.id())).isEmpty();
    assertThat(keys.toString()).isEqualTo("TrustedKeys[" + a.id().display() + "]");
  }

  @Test
  void keyPair_toString_neverShowsTheSecret() {
    PublisherKeyPair pair = PublisherKeys.generate();

    assertThat(pair.toString()).isEqualTo("Ed25519 publisher key pair " + pair.id().display());
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static byte[] der(String pem) {
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
  }
}
