package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.CreateEnrollmentTokenRequest;
import dev.convoy.protocol.v1.CreateEnrollmentTokenResponse;
import dev.convoy.protocol.v1.ListEndpointsRequest;
import dev.convoy.protocol.v1.ListEndpointsResponse;
import dev.convoy.protocol.v1.ListReleasesRequest;
import dev.convoy.protocol.v1.ListReleasesResponse;
import dev.convoy.protocol.v1.PublishReleaseRequest;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.WhoAmIRequest;
import dev.convoy.protocol.v1.WhoAmIResponse;
import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.catalogue.ReleaseHeader;
import dev.convoy.server.common.Require;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.enrollment.EnrollmentService;
import dev.convoy.server.people.Role;
import io.grpc.stub.StreamObserver;

/** {@code convoy.v1.AdminService}: for people with role admin ({@link AuthInterceptor}). */
public final class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {
  private final EnrollmentService enrollment;
  private final EndpointService endpoints;
  private final CatalogueService catalogue;

  public AdminGrpcService(EnrollmentService enrollment, EndpointService endpoints, CatalogueService catalogue) {
    this.enrollment = enrollment;
    this.endpoints = endpoints;
    this.catalogue = catalogue;
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

  @Override
  public StreamObserver<PublishReleaseRequest> publishRelease(StreamObserver<Release> observer) {
    return new PublishReleaseCall(catalogue, Principal.current().subject(), observer);
  }

  @Override
  public void listReleases(ListReleasesRequest request, StreamObserver<ListReleasesResponse> observer) {
    GrpcCalls.unary(observer, () -> {
      if (!request.getName().isEmpty()) {
        Require.matches("name", request.getName(), ReleaseHeader.NAME, "[a-z0-9][a-z0-9+._-]{0,63}");
      }
      return ListReleasesResponse.newBuilder()
          .addAllReleases(catalogue.list(request.getName()).stream().map(ProtoMapper::release).toList()).build();
    });
  }
}
