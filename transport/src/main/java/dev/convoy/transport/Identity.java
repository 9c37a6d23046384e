package dev.convoy.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A TLS identity: private key, its certificate, and the CA that issued it (the only trust anchor).
 * Stored as one PEM file (key, certificate, CA certificate, in that order), readable by its owner only.
 */
public record Identity(PrivateKey privateKey, X509Certificate certificate, X509Certificate ca) {
  public Identity {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(ca, "ca");
  }

  /** The subject of the certificate in RFC 2253 form, e.g. {@code CN=admin,OU=person,O=Convoy}. */
  public String subject() {
    return certificate.getSubjectX500Principal().getName();
  }

  /** The one-file PEM form. */
  public String toPem() {
    return Pem.encode(privateKey) + Pem.encode(certificate) + Pem.encode(ca);
  }

  /** Parses the one-file PEM form. @throws IllegalArgumentException naming what is missing */
  public static Identity fromPem(String pem) {
    PrivateKey key = Pem.privateKey(pem);
    List<X509Certificate> certs = Pem.certificates(pem);
    if (certs.size() != 2) {
      throw new IllegalArgumentException(
          "identity: found " + certs.size() + " certificates (expected: 2, the certificate then its CA)");
    }
    return new Identity(key, certs.get(0), certs.get(1));
  }

  /** Reads an identity file. @throws IllegalArgumentException if it is missing or malformed */
  public static Identity load(Path file) {
    try {
      return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new IllegalArgumentException("identity file " + file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  /** Writes the identity atomically, mode 0600. */
  public void save(Path file) throws IOException {
    writeSecret(file, toPem());
  }

  /** Writes {@code content} to {@code file} atomically (temp file, fsync, rename), readable by the owner only. */
  public static void writeSecret(Path file, String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
      channel.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
