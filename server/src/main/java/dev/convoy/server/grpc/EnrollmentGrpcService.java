package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.EnrollRequest;
import dev.convoy.protocol.v1.EnrollResponse;
import dev.convoy.protocol.v1.EnrollmentServiceGrpc;
import dev.convoy.server.enrollment.Enrollment;
import dev.convoy.server.enrollment.EnrollmentService;
import io.grpc.stub.StreamObserver;

/** {@code convoy.v1.EnrollmentService}: the only service reachable without a client certificate. */
public final class EnrollmentGrpcService extends EnrollmentServiceGrpc.EnrollmentServiceImplBase {
  private final EnrollmentService enrollment;

  public EnrollmentGrpcService(EnrollmentService enrollment) {
    this.enrollment = enrollment;
  }

  @Override
  public void enroll(EnrollRequest request, StreamObserver<EnrollResponse> observer) {
    GrpcCalls.unary(observer, () -> {
      Enrollment result = enrollment.enroll(request.getToken(), request.getCsrDer().toByteArray(),
          request.getHostname());
      return EnrollResponse.newBuilder()
          .setEndpointId(result.endpointId()).setCertificatePem(result.certificatePem())
          .setCaCertificatePem(result.caCertificatePem()).setGroup(result.group())
          .build();
    });
  }
}
