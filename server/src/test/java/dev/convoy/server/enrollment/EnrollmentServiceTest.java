package dev.convoy.server.enrollment;

import static dev.convoy.server.testing.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.pki.CaEndpointCertificateIssuer;
import dev.convoy.server.storage.rocksdb.RocksEndpointStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.server.storage.rocksdb.RocksTokenStore;
import dev.convoy.server.testing.MutableClock;
import dev.convoy.transport.CertificateAuthority;
import dev.convoy.transport.Csr;
import dev.convoy.transport.KeyPairs;
import dev.convoy.transport.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollmentServiceTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock();
  private RocksStorage storage;
  private RocksTokenStore tokens;
  private RocksEndpointStore endpoints;
  private EnrollmentService service;

  @BeforeEach
  void open() {
    storage = RocksStorage.open(dir.resolve("db"));
    tokens = new RocksTokenStore(storage);
    endpoints = new RocksEndpointStore(storage);
    CertificateAuthority ca = CertificateAuthority.create("CN=Convoy CA test,O=Convoy", Duration.ofDays(30), clock);
    service = new EnrollmentService(tokens, endpoints, new CaEndpointCertificateIssuer(ca), storage, clock);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private static byte[] csr() {
    return Csr.create(KeyPairs.newP256(), "CN=evil,OU=person");
  }

  @Test
  void createToken_valid_textHasTheFormAndOnlyTheHashIsStored() throws Exception {
    IssuedToken issued = service.createToken("lab", 3, 3600, "CN=admin,OU=person,O=Convoy");

    assertThat(issued.text()).matches("cvt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
    TokenText text = TokenText.parse(issued.text()).orElseThrow();
    EnrollmentToken stored = tokens.find(text.tokenId()).orElseThrow();
    assertThat(stored.secretSha256()).isEqualTo(text.secretSha256());
    assertThat(stored.usesLeft()).isEqualTo(3);
    assertThat(stored.expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));

    storage.close(); // everything on disk now: the secret must be nowhere in it
    String secretText = issued.text().substring(21);
    String rawSecret = new String(text.secret(), StandardCharsets.ISO_8859_1);
    try (var files = java.nio.file.Files.walk(dir.resolve("db"))) {
      for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
        String content = new String(java.nio.file.Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(content).as(file.toString()).doesNotContain(secretText).doesNotContain(rawSecret);
      }
    }
  }

  @Test
  void createToken_badArguments_invalidArgumentNamingTheField() {
    assertThat(assertCode(() -> service.createToken("lab", 0, 60, "a"), ErrorCode.INVALID_ARGUMENT))
        .isEqualTo("uses: 0 (expected: >= 1)");
    assertThat(assertCode(() -> service.createToken("lab", 1, 0, "a"), ErrorCode.INVALID_ARGUMENT))
        .isEqualTo("ttl_seconds: 0 (expected: >= 1)");
    assertThat(assertCode(() -> service.createToken("Lab Floor", 1, 60, "a"), ErrorCode.INVALID_ARGUMENT))
        .startsWith("group: 'Lab Floor' (expected:");
    assertThat(assertCode(() -> service.createToken("", 1, 60, "a"), ErrorCode.INVALID_ARGUMENT))
        .startsWith("group: empty");
  }

  @Test
  void enroll_validToken_certificateFromPolicyAndEndpointRecordedAndUseConsumed() throws Exception {
    IssuedToken issued = service.createToken("lab", 2, 3600, "admin");

    Enrollment enrollment = service.enroll(issued.text(), csr(), "pc-17");

    X509Certificate certificate = Pem.certificate(enrollment.certificatePem());
    assertThat(certificate.getSubjectX500Principal().getName())
        .isEqualTo("CN=" + enrollment.endpointId() + ",OU=endpoint,O=Convoy");
    assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(enrollment.group()).isEqualTo("lab");
    Endpoint endpoint = endpoints.find(enrollment.endpointId()).orElseThrow();
    assertThat(endpoint.hostname()).isEqualTo("pc-17");
    assertThat(endpoint.group()).isEqualTo("lab");
    assertThat(endpoint.certificateSerial()).isEqualTo(certificate.getSerialNumber().toString(16));
    assertThat(tokens.find(issued.token().tokenId()).orElseThrow().usesLeft()).isEqualTo(1);
  }

  @Test
  void enroll_beyondUses_permissionDenied() {
    IssuedToken issued = service.createToken("lab", 1, 3600, "admin");
    service.enroll(issued.text(), csr(), "pc-1");

    assertThat(assertCode(() -> service.enroll(issued.text(), csr(), "pc-2"), ErrorCode.PERMISSION_DENIED))
        .isEqualTo("token: used up (all 1 of its uses are spent)");
    assertThat(endpoints.list()).hasSize(1);
  }

  @Test
  void enroll_expired_permissionDenied() {
    IssuedToken issued = service.createToken("lab", 5, 60, "admin");
    clock.advance(Duration.ofSeconds(60));

    assertThat(assertCode(() -> service.enroll(issued.text(), csr(), "pc-1"), ErrorCode.PERMISSION_DENIED))
        .startsWith("token: expired at ");
    assertThat(endpoints.list()).isEmpty();
  }

  @Test
  void enroll_wrongSecretUnknownIdOrGarbage_sameUnrevealingMessage() {
    IssuedToken issued = service.createToken("lab", 5, 60, "admin");
    String text = issued.text();
    char last = text.charAt(text.length() - 2);
    String wrongSecret = text.substring(0, text.length() - 2) + (last == 'A' ? 'B' : 'A')
        + text.charAt(text.length() - 1);
    String unknownId = "cvt_0000000000000000_" + text.substring(21);

    for (String token : List.of(wrongSecret, unknownId, "cvt_nonsense", "hello")) {
      assertThat(assertCode(() -> service.enroll(token, csr(), "pc-1"), ErrorCode.PERMISSION_DENIED))
          .isEqualTo("token: unknown or invalid token");
    }
    assertThat(tokens.find(issued.token().tokenId()).orElseThrow().usesLeft()).isEqualTo(5);
    assertThat(endpoints.list()).isEmpty();
  }

  @Test
  void enroll_malformedCsr_invalidArgumentAndTokenNotConsumed() {
    IssuedToken issued = service.createToken("lab", 1, 60, "admin");

    assertThat(assertCode(() -> service.enroll(issued.text(), new byte[] {1, 2, 3}, "pc-1"),
        ErrorCode.INVALID_ARGUMENT)).startsWith("csr_der: ");
    assertThat(assertCode(() -> service.enroll("", csr(), "pc-1"), ErrorCode.INVALID_ARGUMENT))
        .startsWith("token: empty");
    assertThat(tokens.find(issued.token().tokenId()).orElseThrow().usesLeft()).isEqualTo(1);
    assertThat(endpoints.list()).isEmpty();
  }

  @Test
  void enroll_fiveRaceForTwoUses_exactlyTwoEnrolled() throws Exception {
    IssuedToken issued = service.createToken("lab", 2, 3600, "admin");
    ExecutorService pool = Executors.newFixedThreadPool(5);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Enrollment>> results = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      byte[] request = csr();
      int n = i;
      results.add(pool.submit(() -> {
        go.await();
        return service.enroll(issued.text(), request, "pc-" + n);
      }));
    }
    go.countDown();
    int enrolled = 0;
    int refused = 0;
    for (Future<Enrollment> result : results) {
      try {
        result.get(30, TimeUnit.SECONDS);
        enrolled++;
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).hasMessage("token: used up (all 2 of its uses are spent)");
        refused++;
      }
    }
    pool.shutdown();
    assertThat(enrolled).isEqualTo(2);
    assertThat(refused).isEqualTo(3);
    assertThat(endpoints.list()).hasSize(2);
    assertThat(tokens.find(issued.token().tokenId()).orElseThrow().usesLeft()).isZero();
  }
}
