package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.AgentMessage;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.InventoryAck;
import dev.convoy.protocol.v1.InventoryReport;
import dev.convoy.protocol.v1.ServerHint;
import dev.convoy.server.common.Require;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.error.ConvoyException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * {@code convoy.v1.AgentService}: everything an enrolled agent calls. The caller is the endpoint of the client
 * certificate ({@link AuthInterceptor}); a request naming any other endpoint is refused with PERMISSION_DENIED
 * before anything is read or written.
 */
public final class AgentGrpcService extends AgentServiceGrpc.AgentServiceImplBase {
  private final EndpointService endpoints;
  private final SessionHub hub;

  public AgentGrpcService(EndpointService endpoints, SessionHub hub) {
    this.endpoints = endpoints;
    this.hub = hub;
  }

  @Override
  public StreamObserver<AgentMessage> session(StreamObserver<ServerHint> observer) {
    return hub.open(Principal.currentEndpointId(), (ServerCallStreamObserver<ServerHint>) observer);
  }

  @Override
  public void reportInventory(InventoryReport request, StreamObserver<InventoryAck> observer) {
    GrpcCalls.unary(observer, () -> {
      String caller = requireCaller("endpoint_id", request.getEndpointId());
      endpoints.recordInventory(caller, ProtoMapper.inventory(request));
      return InventoryAck.getDefaultInstance();
    });
  }

  /**
   * The caller's endpoint id, after checking that the request names it.
   *
   * @throws ConvoyException INVALID_ARGUMENT if {@code requested} is empty, PERMISSION_DENIED if it is another's
   */
  static String requireCaller(String field, String requested) {
    String caller = Principal.currentEndpointId();
    if (requested.isEmpty()) {
      throw ConvoyException.invalidArgument(field + ": empty (expected: the caller's endpoint id " + caller + ")");
    }
    if (!requested.equals(caller)) {
      throw ConvoyException.permissionDenied(
          field + ": " + Require.shown(requested) + " is not the caller (" + caller + ")");
    }
    return caller;
  }
}
