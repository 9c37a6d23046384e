package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.CreateEnrollmentTokenRequest;
import dev.convoy.protocol.v1.CreateEnrollmentTokenResponse;
import dev.convoy.protocol.v1.ListEndpointsRequest;
import dev.convoy.protocol.v1.ListEndpointsResponse;
import dev.convoy.protocol.v1.WhoAmIRequest;
import dev.convoy.protocol.v1.WhoAmIResponse;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.enrollment.EnrollmentService;
import dev.convoy.server.people.Role;
import io.grpc.stub.StreamObserver;

/** {@code convoy.v1.AdminService}: for people with role admin ({@link AuthInterceptor}). */
public final class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {
  private final EnrollmentService enrollment;
  private final EndpointService endpoints;

  public AdminGrpcService(EnrollmentService enrollment, EndpointService endpoints) {
    this.enrollment = enrollment;
    this.endpoints = endpoints;
  }

  @Override
  public void whoAmI(WhoAmIRequest request, StreamObserver<WhoAmIResponse> observer) {
    GrpcCalls.unary(observer, () -> {
      Principal caller = Principal.current();
      return WhoAmIResponse.newBuilder().setSubject(caller.subject()).setName(caller.name())
          .addAllRoles(caller.roles().stream().map(Role::label).sorted().toList()).build();
    });
  }

  @Override
  public void createEnrollmentToken(CreateEnrollmentTokenRequest request,
      StreamObserver<CreateEnrollmentTokenResponse> observer) {
    GrpcCalls.unary(observer, () -> ProtoMapper.token(enrollment.createToken(request.getGroup(), request.getUses(),
        request.getTtlSeconds(), Principal.current().subject())));
  }

  @Override
  public void listEndpoints(ListEndpointsRequest request, StreamObserver<ListEndpointsResponse> observer) {
    GrpcCalls.unary(observer, () -> ListEndpointsResponse.newBuilder()
        .addAllEndpoints(endpoints.list().stream().map(ProtoMapper::endpoint).toList()).build());
  }
}
