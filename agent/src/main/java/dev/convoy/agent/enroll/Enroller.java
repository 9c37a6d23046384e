package dev.convoy.agent.enroll;

import static dev.convoy.agent.enroll.EnrollmentException.Code.ALREADY_ENROLLED;
import static dev.convoy.agent.enroll.EnrollmentException.Code.BAD_RESPONSE;
import static dev.convoy.agent.enroll.EnrollmentException.Code.CA_MISMATCH;
import static dev.convoy.agent.enroll.EnrollmentException.Code.LOCAL;

import dev.convoy.agent.config.AgentConfig;
import dev.convoy.agent.config.DataDir;
import dev.convoy.agent.inventory.Hostnames;
import dev.convoy.transport.Csr;
import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.Identity;
import dev.convoy.transport.KeyPairs;
import dev.convoy.transport.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrolls this endpoint: generates its P-256 key pair (the private key never leaves the data directory), sends a
 * CSR with the token, checks the answer (CA fingerprint is the pinned one, the certificate carries our public
 * key, chains to that CA, is valid now and names the endpoint id), then writes {@code identity.pem} (0600) and
 * {@code agent.properties}, in that order: agent.properties is the commit point, so a crash in between leaves a
 * directory that is not enrolled. On any failure nothing is written.
 *
 * <p>Thread-safe (stateless), but two enrollments into the same directory at once are not supported.
 */
public final class Enroller {
  private static final Logger logger = LoggerFactory.getLogger(Enroller.class);

  private final EnrollmentApi api;
  private final Clock clock;

  public Enroller(EnrollmentApi api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  /**
   * Enrolls as {@code request} says.
   *
   * @return the configuration written
   * @throws EnrollmentException naming what went wrong; nothing was written
   */
  public AgentConfig enroll(EnrollmentRequest request) {
    DataDir dir = request.dataDir();
    if (!request.force() && AgentConfig.exists(dir)) {
      throw new EnrollmentException(ALREADY_ENROLLED, dir.root() + " is already enrolled ("
          + dir.properties().getFileName() + " exists); use --force to enroll again with a new identity");
    }
    KeyPair keys = KeyPairs.newP256();
    String hostname = Hostnames.local();
    logger.debug("enrolling server={} hostname={}", request.server(), hostname);
    EnrollmentResponse response = api.enroll(request.server(), request.caFingerprint(), request.token(),
        Csr.create(keys, hostname), hostname);
    Identity identity = verified(response, keys, request.caFingerprint());
    AgentConfig config = AgentConfig.enrolled(dir, request.server(), response.endpointId(), request.caFingerprint(),
        response.group());
    write(dir, identity, config);
    logger.debug("enrolled endpoint={} group={} server={}", config.endpointId(), config.group(), config.server());
    return config;
  }

  private Identity verified(EnrollmentResponse response, KeyPair keys, Fingerprint pinned) {
    X509Certificate ca = certificate("CA certificate", response.caCertificatePem());
    if (!Fingerprint.of(ca).matches(pinned)) {
      throw new EnrollmentException(CA_MISMATCH, "CA fingerprint mismatch: the server returned a CA certificate with "
          + Fingerprint.of(ca) + ", expected " + pinned);
    }
    X509Certificate certificate = certificate("certificate", response.certificatePem());
    if (!certificate.getPublicKey().equals(keys.getPublic())) {
      throw new EnrollmentException(BAD_RESPONSE, "certificate: its public key is not the one this agent sent");
    }
    try {
      certificate.verify(ca.getPublicKey());
      certificate.checkValidity(Date.from(clock.instant()));
    } catch (GeneralSecurityException e) {
      throw new EnrollmentException(BAD_RESPONSE, "certificate: does not validate against the pinned CA ("
          + e.getMessage() + ")", e);
    }
    String commonName = commonName(certificate);
    if (response.endpointId().isBlank() || !response.endpointId().equals(commonName)) {
      throw new EnrollmentException(BAD_RESPONSE, "endpoint id: '" + response.endpointId()
          + "' (expected: the certificate's CN '" + commonName + "')");
    }
    return new Identity(keys.getPrivate(), certificate, ca);
  }

  private static X509Certificate certificate(String what, String pem) {
    try {
      return Pem.certificate(pem == null ? "" : pem);
    } catch (IllegalArgumentException e) {
      throw new EnrollmentException(BAD_RESPONSE, what + ": unreadable (" + e.getMessage() + ")", e);
    }
  }

  private static String commonName(X509Certificate certificate) {
    try {
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return String.valueOf(rdn.getValue());
        }
      }
    } catch (InvalidNameException e) {
      throw new EnrollmentException(BAD_RESPONSE, "certificate: unreadable subject (" + e.getMessage() + ")", e);
    }
    return "";
  }

  private static void write(DataDir dir, Identity identity, AgentConfig config) {
    try {
      if (!Files.isDirectory(dir.root())) {
        Files.createDirectories(dir.root(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      identity.save(dir.identity());
      config.save();
    } catch (IOException | UncheckedIOException e) {
      throw new EnrollmentException(LOCAL, "cannot write to " + dir.root() + ": " + e.getMessage(), e);
    }
  }
}
