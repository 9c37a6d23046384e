package dev.convoy.agent.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.agent.config.AgentConfig;
import dev.convoy.agent.config.DataDir;
import dev.convoy.agent.grpc.GrpcEnrollmentApi;
import dev.convoy.agent.testing.GrpcCleanup;
import dev.convoy.agent.testing.TestEnrollmentService;
import dev.convoy.agent.testing.TlsServer;
import dev.convoy.transport.CertificateAuthority;
import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.Identity;
import dev.convoy.transport.KeyPairs;
import dev.convoy.transport.Pem;
import dev.convoy.transport.ServerAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Enrollment against a real Netty TLS server on loopback whose EnrollmentService issues with our CA code. */
class EnrollerTest {
  @RegisterExtension
  final GrpcCleanup grpc = new GrpcCleanup();
  @TempDir
  Path root;

  private final CertificateAuthority ca = TlsServer.newCa("Test CA");
  private final TestEnrollmentService service = new TestEnrollmentService(ca);
  private final Enroller enroller = new Enroller(new GrpcEnrollmentApi(Duration.ofSeconds(10)), Clock.systemUTC());
  private ServerAddress address;
  private DataDir dir;

  @BeforeEach
  void setUp() {
    address = TlsServer.start(ca, grpc, service);
    dir = new DataDir(root.resolve("agent"));
  }

  private EnrollmentRequest request(String token, Fingerprint fingerprint, boolean force) {
    return new EnrollmentRequest(dir, address, token, fingerprint, force);
  }

  @Test
  void enroll_validTokenAndPinnedCa_writesIdentity0600AndProperties() throws Exception {
    AgentConfig config = enroller.enroll(request(TestEnrollmentService.TOKEN, ca.fingerprint(), false));

    assertThat(config.endpointId()).isEqualTo("ep-000000000000abc1");
    assertThat(Files.getPosixFilePermissions(dir.identity())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    Identity identity = Identity.load(dir.identity());
    assertThat(identity.subject()).isEqualTo("CN=" + config.endpointId() + ",OU=endpoint,O=Convoy");
    assertThat(identity.ca()).isEqualTo(ca.certificate());
    assertThat(AgentConfig.load(dir)).isEqualTo(config);
    assertThat(config.server()).isEqualTo(address);
    assertThat(config.caFingerprint()).isEqualTo(ca.fingerprint());
    assertThat(config.group()).isEqualTo("lab");
    // The CSR carried our public key; the private key never left.
    byte[] csr = service.requests.get(0).getCsrDer().toByteArray();
    assertThat(dev.convoy.transport.Csr.verifiedPublicKey(csr)).isEqualTo(identity.certificate().getPublicKey());
  }

  @Test
  void enroll_wrongPinnedFingerprint_failsClearlyAndWritesNothing() {
    Fingerprint other = TlsServer.newCa("Other CA").fingerprint();

    assertThatThrownBy(() -> enroller.enroll(request(TestEnrollmentService.TOKEN, other, false)))
        .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.code()).isEqualTo(EnrollmentException.Code.CA_MISMATCH))
        .hasMessage("CA fingerprint mismatch: the server presented " + ca.fingerprint() + ", expected " + other);
    assertThat(dir.root()).doesNotExist();
    assertThat(service.requests).isEmpty();
  }

  @Test
  void enroll_refusedToken_carriesTheServersMessage() {
    assertThatThrownBy(() -> enroller.enroll(request("tok-bad", ca.fingerprint(), false)))
        .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.code()).isEqualTo(EnrollmentException.Code.REFUSED))
        .hasMessage("enrollment refused by the server: token: unknown, expired or used up");
    assertThat(dir.root()).doesNotExist();
  }

  @Test
  void enroll_alreadyEnrolled_refusesUnlessForced() throws Exception {
    AgentConfig first = enroller.enroll(request(TestEnrollmentService.TOKEN, ca.fingerprint(), false));
    byte[] identityBefore = Files.readAllBytes(dir.identity());

    assertThatThrownBy(() -> enroller.enroll(request(TestEnrollmentService.TOKEN, ca.fingerprint(), false)))
        .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.code()).isEqualTo(EnrollmentException.Code.ALREADY_ENROLLED))
        .hasMessageContaining("is already enrolled").hasMessageContaining("--force");
    assertThat(Files.readAllBytes(dir.identity())).isEqualTo(identityBefore);

    AgentConfig second = enroller.enroll(request(TestEnrollmentService.TOKEN, ca.fingerprint(), true));
    assertThat(second.endpointId()).isNotEqualTo(first.endpointId());
    assertThat(Files.readAllBytes(dir.identity())).isNotEqualTo(identityBefore);
  }

  @Test
  void enroll_serverUnreachable_saysSo() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    EnrollmentRequest request = new EnrollmentRequest(dir, new ServerAddress("127.0.0.1", closedPort),
        TestEnrollmentService.TOKEN, ca.fingerprint(), false);

    assertThatThrownBy(() -> enroller.enroll(request))
        .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.code()).isEqualTo(EnrollmentException.Code.UNREACHABLE))
        .hasMessageStartingWith("cannot reach the server at 127.0.0.1:" + closedPort + " (");
    assertThat(dir.root()).doesNotExist();
  }

  @Test
  void enroll_responseWithAnotherKeyOrCa_isRefused() {
    // A server that passes the pinned handshake but answers with material that is not ours.
    CertificateAuthority rogue = TlsServer.newCa("Rogue CA");
    var foreign = ca.issue(KeyPairs.newP256().getPublic(),
        CertificateAuthority.Profile.client("CN=ep-1,OU=endpoint,O=Convoy", Duration.ofDays(1)));
    EnrollmentApi wrongKey = (s, f, t, csr, h) -> new EnrollmentResponse("ep-1", Pem.encode(foreign),
        Pem.encode(ca.certificate()), "lab");
    EnrollmentApi wrongCa = (s, f, t, csr, h) -> new EnrollmentResponse("ep-1", Pem.encode(foreign),
        Pem.encode(rogue.certificate()), "lab");
    EnrollmentRequest request = request(TestEnrollmentService.TOKEN, ca.fingerprint(), false);

    assertThatThrownBy(() -> new Enroller(wrongKey, Clock.systemUTC()).enroll(request))
        .hasMessage("certificate: its public key is not the one this agent sent");
    assertThatThrownBy(() -> new Enroller(wrongCa, Clock.systemUTC()).enroll(request))
        .hasMessageStartingWith("CA fingerprint mismatch: the server returned a CA certificate with " + rogue.fingerprint());
    assertThat(dir.root()).doesNotExist();
  }

  @Test
  void enroll_certificateNamingAnotherEndpoint_isRefused() {
    EnrollmentApi mislabelled = (s, f, t, csr, h) -> new EnrollmentResponse("ep-2",
        Pem.encode(ca.issue(dev.convoy.transport.Csr.verifiedPublicKey(csr),
            CertificateAuthority.Profile.client("CN=ep-1,OU=endpoint,O=Convoy", Duration.ofDays(1)))),
        Pem.encode(ca.certificate()), "lab");

    assertThatThrownBy(() -> new Enroller(mislabelled, Clock.systemUTC())
        .enroll(request(TestEnrollmentService.TOKEN, ca.fingerprint(), false)))
        .hasMessage("endpoint id: 'ep-2' (expected: the certificate's CN 'ep-1')");
    assertThat(List.of(dir.identity(), dir.properties())).allSatisfy(p -> assertThat(p).doesNotExist());
  }
}
