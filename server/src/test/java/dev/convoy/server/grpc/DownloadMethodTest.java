package dev.convoy.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.AgentServiceGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DownloadMethodTest {
  private static final ServerServiceDefinition GENERATED =
      AgentServiceGrpc.bindService(new AgentServiceGrpc.AsyncService() { });

  @Test
  void rebind_generatedService_sameMethodsAndSchemaOnlyDownloadsMarshallerReplaced() {
    ServerServiceDefinition rebound = DownloadMethod.rebind(GENERATED, (request, out) -> { });

    assertThat(rebound.getServiceDescriptor().getName()).isEqualTo(AgentServiceGrpc.SERVICE_NAME);
    assertThat(rebound.getServiceDescriptor().getSchemaDescriptor())
        .isSameAs(GENERATED.getServiceDescriptor().getSchemaDescriptor());
    assertThat(rebound.getMethods().stream().map(m -> m.getMethodDescriptor().getFullMethodName())
        .collect(Collectors.toSet())).isEqualTo(GENERATED.getMethods().stream()
        .map(m -> m.getMethodDescriptor().getFullMethodName()).collect(Collectors.toSet()));
    for (ServerMethodDefinition<?, ?> method : rebound.getMethods()) {
      MethodDescriptor<?, ?> descriptor = method.getMethodDescriptor();
      if (descriptor.getFullMethodName().equals(AgentServiceGrpc.getDownloadMethod().getFullMethodName())) {
        assertThat(descriptor.getResponseMarshaller()).isSameAs(PayloadChunkMarshaller.INSTANCE);
        assertThat(descriptor.getType()).isEqualTo(MethodDescriptor.MethodType.SERVER_STREAMING);
        assertThat(descriptor.getSchemaDescriptor())
            .isSameAs(AgentServiceGrpc.getDownloadMethod().getSchemaDescriptor());
      } else {
        assertThat(method).isSameAs(GENERATED.getMethod(descriptor.getFullMethodName()));
      }
    }
  }
}
