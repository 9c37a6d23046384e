package dev.convoy.server.pki;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import dev.convoy.transport.CertificateAuthority;
import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.Identity;
import dev.convoy.transport.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * The server's CA and TLS identity, in {@code DIR/pki}: {@code ca.pem} (CA certificate), {@code ca-key.pem}
 * (CA key, 0600) and {@code server.pem} (server identity file). Immutable and thread-safe once loaded.
 */
public final class ServerPki {
  public static final String CA_FILE = "ca.pem";
  public static final String CA_KEY_FILE = "ca-key.pem";
  public static final String SERVER_IDENTITY_FILE = "server.pem";

  private final CertificateAuthority ca;
  private final Identity serverIdentity;

  private ServerPki(CertificateAuthority ca, Identity serverIdentity) {
    this.ca = ca;
    this.serverIdentity = serverIdentity;
  }

  /**
   * Creates a new CA ({@code CN=Convoy CA <8 hex>,O=Convoy}, 10 years) and the server identity (SANs from
   * {@code sans}, default localhost and 127.0.0.1; 2 years) and writes them to {@code pkiDirectory}.
   *
   * @throws IOException if a file cannot be written
   * @throws IllegalArgumentException if a SAN that looks like an IP address is not one
   */
  public static ServerPki create(Path pkiDirectory, List<String> sans, Clock clock) throws IOException {
    CertificateAuthority ca = CertificateAuthority.create(CertificatePolicy.newCaSubject(),
        CertificatePolicy.CA_VALIDITY, clock);
    Identity server = ca.issueIdentity(CertificatePolicy.server(sans));
    Files.createDirectories(pkiDirectory);
    Identity.writeSecret(pkiDirectory.resolve(CA_KEY_FILE), Pem.encode(ca.privateKey()));
    Identity.writeSecret(pkiDirectory.resolve(CA_FILE), Pem.encode(ca.certificate()));
    server.save(pkiDirectory.resolve(SERVER_IDENTITY_FILE));
    return new ServerPki(ca, server);
  }

  /**
   * Loads what {@link #create} wrote.
   *
   * @throws ConvoyException FAILED_PRECONDITION naming the file that is missing or unreadable
   */
  public static ServerPki load(Path pkiDirectory, Clock clock) {
    try {
      X509Certificate caCertificate = Pem.certificate(read(pkiDirectory.resolve(CA_FILE)));
      PrivateKey caKey = Pem.privateKey(read(pkiDirectory.resolve(CA_KEY_FILE)));
      Identity server = Identity.load(pkiDirectory.resolve(SERVER_IDENTITY_FILE));
      return new ServerPki(CertificateAuthority.load(caCertificate, caKey, clock), server);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConvoyException(ErrorCode.FAILED_PRECONDITION, "PKI in " + pkiDirectory + ": " + e.getMessage(), e);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.US_ASCII);
  }

  /** Issues a person identity ({@code CN=<name>,OU=person,O=Convoy}, clientAuth, 1 year) with a fresh key. */
  public Identity issuePersonIdentity(String name) {
    return ca.issueIdentity(CertificatePolicy.person(name));
  }

  public CertificateAuthority ca() {
    return ca;
  }

  public Identity serverIdentity() {
    return serverIdentity;
  }

  public Fingerprint caFingerprint() {
    return ca.fingerprint();
  }
}
