package dev.convoy.agent.config;

import dev.convoy.transport.Identity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the agent's identity file ({@code identity.pem}: PKCS#8 key, certificate, CA) with the JDK alone.
 *
 * <p>Why not {@link Identity#load}: it parses PEM with BouncyCastle, whose provider jar is signed; loading it makes
 * the JVM verify the jar's signature and keeps ~160 BouncyCastle classes and their data in the idle daemon for a
 * file read once at start (BENCHMARKS.md, scenario 6). The files the agent writes are always PKCS#8
 * ({@code BEGIN PRIVATE KEY}, EC or RSA); any other form (e.g. a SEC1 {@code BEGIN EC PRIVATE KEY} placed by hand)
 * is handed to {@link Identity#load}, so nothing readable before is refused now.
 *
 * <p>Thread-safe (stateless).
 */
public final class IdentityFile {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
  private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA", "Ed25519");

  private IdentityFile() {}

  /**
   * Reads {@code file}.
   *
   * @throws IllegalArgumentException if it is missing or malformed (the message names the file and what was
   *     expected, as {@link Identity#load} does)
   */
  public static Identity load(Path file) {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("identity file " + file + ": cannot read (" + e.getMessage() + ")", e);
    }
    Identity identity = parse(pem);
    return identity != null ? identity : Identity.fromPem(pem);
  }

  /** The identity in {@code pem}, or null when it is not the plain PKCS#8 + two certificates form. */
  static Identity parse(String pem) {
    PrivateKey key = null;
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher block = BLOCK.matcher(pem);
    try {
      while (block.find()) {
        byte[] der = Base64.getMimeDecoder().decode(block.group(2));
        switch (block.group(1)) {
          case "PRIVATE KEY" -> key = key != null ? key : privateKey(der);
          case "CERTIFICATE" -> certificates.add(certificate(der));
          default -> {
            return null;
          }
        }
      }
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return null; // the BouncyCastle reader then names what is wrong
    }
    return key == null || certificates.size() != 2 ? null
        : new Identity(key, certificates.get(0), certificates.get(1));
  }

  private static PrivateKey privateKey(byte[] der) throws GeneralSecurityException {
    GeneralSecurityException last = null;
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }

  private static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(der));
  }
}
