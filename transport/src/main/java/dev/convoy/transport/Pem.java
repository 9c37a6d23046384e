package dev.convoy.transport;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * PEM encoding and decoding of certificates and private keys. Keys are always written as PKCS#8
 * ({@code BEGIN PRIVATE KEY}), the form Netty's TLS contexts accept. Thread-safe (stateless).
 */
public final class Pem {
  private Pem() {}

  /** Encodes a certificate as one PEM block. */
  public static String encode(X509Certificate certificate) {
    return write(certificate);
  }

  /** Encodes a private key as a PKCS#8 PEM block. */
  public static String encode(PrivateKey key) {
    try {
      return write(new JcaPKCS8Generator(key, null));
    } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
      throw new IllegalArgumentException("private key: cannot encode as PKCS#8: " + e.getMessage(), e);
    }
  }

  private static String write(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Every certificate in {@code pem}, in order; other blocks are skipped. */
  public static List<X509Certificate> certificates(String pem) {
    List<X509Certificate> result = new ArrayList<>();
    for (Object object : objects(pem)) {
      if (object instanceof X509CertificateHolder holder) {
        result.add(toCertificate(holder));
      }
    }
    return result;
  }

  /** The single certificate in {@code pem}. @throws IllegalArgumentException if there is not exactly one */
  public static X509Certificate certificate(String pem) {
    List<X509Certificate> all = certificates(pem);
    if (all.size() != 1) {
      throw new IllegalArgumentException("certificate PEM: found " + all.size() + " certificates (expected: 1)");
    }
    return all.get(0);
  }

  /** The first private key in {@code pem} (PKCS#8 or SEC1). @throws IllegalArgumentException if none */
  public static PrivateKey privateKey(String pem) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try {
      for (Object object : objects(pem)) {
        if (object instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (object instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("private key PEM: unreadable key: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("private key PEM: no private key found (expected: BEGIN PRIVATE KEY)");
  }

  private static List<Object> objects(String pem) {
    List<Object> result = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        result.add(object);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("PEM: malformed input: " + e.getMessage(), e);
    }
    return result;
  }

  static X509Certificate toCertificate(X509CertificateHolder holder) {
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("certificate: cannot decode: " + e.getMessage(), e);
    }
  }
}
