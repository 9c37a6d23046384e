package dev.convoy.release;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, stores and loads publisher keys. A private key file is one PEM {@code PRIVATE KEY} block (unencrypted
 * PKCS#8, RFC 8410), mode 0600; a public key file is one PEM {@code PUBLIC KEY} block (SubjectPublicKeyInfo),
 * mode 0644 — the forms {@code openssl genpkey -algorithm ed25519} and {@code openssl pkey -pubout} use.
 * Stateless and thread-safe.
 */
public final class PublisherKeys {
  private static final Logger logger = LoggerFactory.getLogger(PublisherKeys.class);
  private static final String PRIVATE_TYPE = "PRIVATE KEY";
  private static final String PUBLIC_TYPE = "PUBLIC KEY";
  private static final ASN1ObjectIdentifier ED25519 = new ASN1ObjectIdentifier("1.3.101.112"); // RFC 8410

  private PublisherKeys() {}

  /** A new key pair from a strong random source. */
  public static PublisherKeyPair generate() {
    return generate(new SecureRandom());
  }

  /** A new key pair from {@code random} (tests pass a seeded one only for reproducible fixtures). */
  public static PublisherKeyPair generate(SecureRandom random) {
    return new PublisherKeyPair(new Ed25519PrivateKeyParameters(random));
  }

  /** The PEM PKCS#8 form of the private key. Keep it secret. */
  public static String privateKeyPem(PublisherKeyPair pair) {
    try {
      // Version 1 PKCS#8 (no embedded public key), as OpenSSL writes it: OpenSSL 3 refuses the version 2 form.
      PrivateKeyInfo info = new PrivateKeyInfo(new AlgorithmIdentifier(ED25519),
          new DEROctetString(pair.privateKey().getEncoded()));
      return pem(PRIVATE_TYPE, info.getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException("encoding an Ed25519 private key", e);
    }
  }

  /** The PEM SubjectPublicKeyInfo form of a public key. */
  public static String publicKeyPem(PublisherPublicKey key) {
    try {
      Ed25519PublicKeyParameters params = new Ed25519PublicKeyParameters(key.raw(), 0);
      return pem(PUBLIC_TYPE, SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(params).getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException("encoding an Ed25519 public key", e);
    }
  }

  /** @throws IllegalArgumentException unless {@code pem} is exactly one unencrypted Ed25519 PKCS#8 key */
  public static PublisherKeyPair parsePrivateKeyPem(String pem) {
    byte[] der = onlyBlock(pem, PRIVATE_TYPE);
    AsymmetricKeyParameter key;
    try {
      key = PrivateKeyFactory.createKey(der);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("private key: malformed PKCS#8 (" + e.getMessage() + ")", e);
    }
    if (!(key instanceof Ed25519PrivateKeyParameters ed25519)) {
      throw new IllegalArgumentException("private key: " + key.getClass().getSimpleName()
          + " (expected: an Ed25519 key)");
    }
    return new PublisherKeyPair(ed25519);
  }

  /** @throws IllegalArgumentException unless {@code pem} is exactly one Ed25519 SubjectPublicKeyInfo */
  public static PublisherPublicKey parsePublicKeyPem(String pem) {
    byte[] der = onlyBlock(pem, PUBLIC_TYPE);
    AsymmetricKeyParameter key;
    try {
      key = PublicKeyFactory.createKey(der);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("public key: malformed SubjectPublicKeyInfo (" + e.getMessage() + ")", e);
    }
    if (!(key instanceof Ed25519PublicKeyParameters ed25519)) {
      throw new IllegalArgumentException("public key: " + key.getClass().getSimpleName()
          + " (expected: an Ed25519 key)");
    }
    return PublisherPublicKey.fromRaw(ed25519.getEncoded());
  }

  /** Writes the private key atomically, readable by its owner only (0600). */
  public static void savePrivateKey(PublisherKeyPair pair, Path file) throws IOException {
    FileTrees.writeAtomically(file, privateKeyPem(pair).getBytes(StandardCharsets.US_ASCII), FileTrees.SECRET_MODE);
  }

  /** Writes the public key atomically, mode 0644. */
  public static void savePublicKey(PublisherPublicKey key, Path file) throws IOException {
    FileTrees.writeAtomically(file, publicKeyPem(key).getBytes(StandardCharsets.US_ASCII), FileTrees.FILE_MODE);
  }

  /**
   * Reads a private key file; warns when others can read it.
   *
   * @throws IllegalArgumentException when the file is missing, unreadable or not an Ed25519 PKCS#8 PEM key
   */
  public static PublisherKeyPair loadPrivateKey(Path file) {
    PublisherKeyPair pair = parsePrivateKeyPem(read(file, "private key"));
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      mode.retainAll(EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
      if (!mode.isEmpty()) {
        logger.warn("publisher private key is readable by others file={} key={} (expected: mode 0600)", file,
            pair.id().display());
      }
    } catch (IOException | UnsupportedOperationException e) {
      // permissions are advisory here; the key itself loaded
    }
    return pair;
  }

  /** @throws IllegalArgumentException when the file is missing, unreadable or not an Ed25519 PEM public key */
  public static PublisherPublicKey loadPublicKey(Path file) {
    return parsePublicKeyPem(read(file, "public key"));
  }

  private static String read(Path file, String what) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " file " + file + ": cannot read (" + e + ")", e);
    }
  }

  private static String pem(String type, byte[] der) throws IOException {
    StringWriter out = new StringWriter();
    try (PemWriter writer = new PemWriter(out)) {
      writer.writeObject(new PemObject(type, der));
    }
    return out.toString();
  }

  private static byte[] onlyBlock(String pem, String type) {
    List<PemObject> blocks = new ArrayList<>();
    try (PemReader reader = new PemReader(new StringReader(pem))) {
      for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
        blocks.add(block);
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("PEM: malformed (" + e.getMessage() + ")", e);
    }
    if (blocks.size() != 1 || !blocks.get(0).getType().equals(type)) {
      String found = blocks.stream().map(PemObject::getType).toList().toString();
      throw new IllegalArgumentException("PEM: blocks " + found + " (expected: exactly one '" + type + "' block"
          + (found.contains("ENCRYPTED") ? "; encrypted keys are not supported, protect the file by permissions"
          : "") + ")");
    }
    return blocks.get(0).getContent();
  }
}
