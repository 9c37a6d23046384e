package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.DownloadRequest;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * {@code convoy.v1.AgentService/Download} bound with {@link PayloadChunkMarshaller} for its responses instead of the
 * generated protobuf marshaller: same method name, same request marshaller, same wire bytes, so clients do not notice,
 * while the server streams chunks from the payload file without materialising them as messages.
 */
final class DownloadMethod {
  /** The Download method as the server binds it: responses are {@link PayloadChunk}s. */
  static final MethodDescriptor<DownloadRequest, PayloadChunk> DESCRIPTOR = AgentServiceGrpc.getDownloadMethod()
      .toBuilder(AgentServiceGrpc.getDownloadMethod().getRequestMarshaller(), PayloadChunkMarshaller.INSTANCE)
      .build();

  private DownloadMethod() {}

  /**
   * {@code generated} with its Download method replaced by one that hands each call to {@code download}; every
   * other method, and the service's schema (for reflection), unchanged.
   */
  static ServerServiceDefinition rebind(ServerServiceDefinition generated,
      BiConsumer<DownloadRequest, ServerCallStreamObserver<PayloadChunk>> download) {
    ServiceDescriptor stock = generated.getServiceDescriptor();
    ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(stock.getName())
        .setSchemaDescriptor(stock.getSchemaDescriptor());
    List<ServerMethodDefinition<?, ?>> kept = new ArrayList<>();
    for (ServerMethodDefinition<?, ?> method : generated.getMethods()) {
      if (!method.getMethodDescriptor().getFullMethodName().equals(DESCRIPTOR.getFullMethodName())) {
        kept.add(method);
        descriptor.addMethod(method.getMethodDescriptor());
      }
    }
    descriptor.addMethod(DESCRIPTOR);
    ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(descriptor.build());
    kept.forEach(definition::addMethod);
    definition.addMethod(DESCRIPTOR, ServerCalls.asyncServerStreamingCall(
        (request, observer) -> download.accept(request, (ServerCallStreamObserver<PayloadChunk>) observer)));
    return definition.build();
  }
}
