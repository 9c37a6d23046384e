package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.convoy.protocol.v1.EnrollRequest;
import dev.convoy.protocol.v1.EnrollResponse;
import dev.convoy.protocol.v1.EnrollmentServiceGrpc;
import dev.convoy.protocol.v1.ListEndpointsRequest;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Csr;
import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.KeyPairs;
import dev.convoy.transport.Pem;
import dev.convoy.transport.PinnedCaTrustManager;
import dev.convoy.transport.TlsContexts;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollmentGrpcTest {
  @TempDir Path dir;
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Enrolls the way an agent does: no client certificate, the server trusted only through the pinned CA. */
  private EnrollResponse enroll(String token, byte[] csr) {
    var trust = new PinnedCaTrustManager(Fingerprint.of(server.admin.ca()));
    return EnrollmentServiceGrpc.newBlockingStub(server.channel(TlsContexts.pinned(trust)))
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .enroll(EnrollRequest.newBuilder().setToken(token).setHostname("pc")
            .setCsrDer(ByteString.copyFrom(csr)).build());
  }

  private static byte[] csr() {
    return Csr.create(KeyPairs.newP256(), "pc");
  }

  @Test
  void enroll_fiveConcurrentCallsOnTwoUses_exactlyTwoEndpoints() throws Exception {
    String token = server.token("lab", 2);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<EnrollResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      byte[] request = csr();
      calls.add(CompletableFuture.supplyAsync(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        return enroll(token, request);
      }));
    }
    go.countDown();

    int enrolled = 0;
    for (CompletableFuture<EnrollResponse> call : calls) {
      try {
        EnrollResponse response = call.get(30, TimeUnit.SECONDS);
        assertThat(Pem.certificate(response.getCertificatePem()).getSubjectX500Principal().getName())
            .isEqualTo("CN=" + response.getEndpointId() + ",OU=endpoint,O=Convoy");
        assertThat(response.getGroup()).isEqualTo("lab");
        enrolled++;
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(((StatusRuntimeException) e.getCause()).getStatus().getCode())
            .isEqualTo(Status.Code.PERMISSION_DENIED);
      }
    }
    assertThat(enrolled).isEqualTo(2);
    assertThat(server.adminStub().listEndpoints(ListEndpointsRequest.getDefaultInstance()).getEndpointsCount())
        .isEqualTo(2);
  }

  @Test
  void enroll_expiredByTheServerClock_permissionDenied() {
    String token = server.token("lab", 5); // ttl 3600 s
    server.clock.advance(Duration.ofSeconds(3600));

    assertThat(assertStatus(() -> enroll(token, csr()), Status.Code.PERMISSION_DENIED))
        .startsWith("token: expired at ");
  }

  @Test
  void enroll_malformedInput_invalidArgumentOrUnrevealingDenial() {
    String token = server.token("lab", 1);

    assertThat(assertStatus(() -> enroll("", csr()), Status.Code.INVALID_ARGUMENT)).startsWith("token: empty");
    assertThat(assertStatus(() -> enroll(token, new byte[0]), Status.Code.INVALID_ARGUMENT))
        .startsWith("csr_der: empty");
    assertThat(assertStatus(() -> enroll("cvt_" + "0".repeat(16) + "_" + "A".repeat(43), csr()),
        Status.Code.PERMISSION_DENIED)).isEqualTo("token: unknown or invalid token");
    assertThat(enroll(token, csr()).getEndpointId()).matches("ep-[0-9a-f]{16}");
  }
}
