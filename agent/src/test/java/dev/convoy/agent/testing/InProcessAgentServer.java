package dev.convoy.agent.testing;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Starts {@link TestAgentService} in process and opens a channel to it; both registered for clean-up. */
public final class InProcessAgentServer {
  private InProcessAgentServer() {}

  public static ManagedChannel start(TestAgentService service, GrpcCleanup cleanup) {
    String name = InProcessServerBuilder.generateName();
    try {
      cleanup.register(InProcessServerBuilder.forName(name).addService(service).build().start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cleanup.register(InProcessChannelBuilder.forName(name).build());
  }
}
