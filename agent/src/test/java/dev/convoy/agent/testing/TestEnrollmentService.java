package dev.convoy.agent.testing;

import dev.convoy.protocol.v1.EnrollRequest;
import dev.convoy.protocol.v1.EnrollResponse;
import dev.convoy.protocol.v1.EnrollmentServiceGrpc;
import dev.convoy.transport.CertificateAuthority;
import dev.convoy.transport.Csr;
import dev.convoy.transport.Pem;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real EnrollmentService for agent tests: accepts one token, issues endpoint certificates with the project's
 * CertificateAuthority from server policy (only the CSR's public key is used), refuses anything else.
 */
public final class TestEnrollmentService extends EnrollmentServiceGrpc.EnrollmentServiceImplBase {
  public static final String TOKEN = "tok-good";

  public final List<EnrollRequest> requests = new CopyOnWriteArrayList<>();
  private final CertificateAuthority ca;
  private final AtomicInteger issued = new AtomicInteger();

  public TestEnrollmentService(CertificateAuthority ca) {
    this.ca = ca;
  }

  @Override
  public void enroll(EnrollRequest request, StreamObserver<EnrollResponse> response) {
    requests.add(request);
    if (!TOKEN.equals(request.getToken())) {
      response.onError(Status.PERMISSION_DENIED.withDescription("token: unknown, expired or used up").asRuntimeException());
      return;
    }
    try {
      String endpointId = String.format("ep-%016x", 0xabc0L + issued.incrementAndGet());
      var certificate = ca.issue(Csr.verifiedPublicKey(request.getCsrDer().toByteArray()),
          CertificateAuthority.Profile.client("CN=" + endpointId + ",OU=endpoint,O=Convoy", Duration.ofDays(365)));
      response.onNext(EnrollResponse.newBuilder().setEndpointId(endpointId).setGroup("lab")
          .setCertificatePem(Pem.encode(certificate)).setCaCertificatePem(Pem.encode(ca.certificate())).build());
      response.onCompleted();
    } catch (IllegalArgumentException e) {
      response.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
    }
  }
}
