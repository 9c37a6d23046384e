package dev.convoy.transport;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 fingerprint of a certificate's DER encoding, written {@code SHA256:<64 lowercase hex digits>}.
 * This is what an operator copies from {@code convoy-server init} and pins on every agent at enrollment.
 */
public record Fingerprint(byte[] digest) {
  private static final String PREFIX = "SHA256:";

  public Fingerprint {
    if (digest.length != 32) {
      throw new IllegalArgumentException("fingerprint: " + digest.length + " bytes (expected: 32)");
    }
    digest = digest.clone();
  }

  /** The fingerprint of {@code certificate}. */
  public static Fingerprint of(X509Certificate certificate) {
    try {
      return new Fingerprint(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint certificate", e);
    }
  }

  /**
   * Parses {@code SHA256:hex}; colons between hex pairs and upper case are accepted.
   *
   * @throws IllegalArgumentException naming what was expected
   */
  public static Fingerprint parse(String text) {
    String value = text == null ? "" : text.trim();
    if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw new IllegalArgumentException("CA fingerprint: '" + text + "' (expected: SHA256:<64 hex digits>)");
    }
    String hex = value.substring(PREFIX.length()).replace(":", "").toLowerCase(Locale.ROOT);
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("CA fingerprint: '" + text + "' (expected: SHA256:<64 hex digits>)");
    }
    return new Fingerprint(HexFormat.of().parseHex(hex));
  }

  /** Constant-time comparison. */
  public boolean matches(Fingerprint other) {
    return MessageDigest.isEqual(digest, other.digest);
  }

  @Override
  public byte[] digest() {
    return digest.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f && matches(f);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(digest);
  }

  @Override
  public String toString() {
    return PREFIX + HexFormat.of().formatHex(digest);
  }
}
