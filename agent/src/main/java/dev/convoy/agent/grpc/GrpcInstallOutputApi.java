package dev.convoy.agent.grpc;

import dev.convoy.agent.technician.InstallOutputApi;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.InstallOutput;
import io.grpc.Channel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link InstallOutputApi} over {@code AgentService.ReportInstallOutput}, with a short deadline. Thread-safe. */
public final class GrpcInstallOutputApi implements InstallOutputApi {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final AgentServiceGrpc.AgentServiceBlockingStub stub;
  private final String endpointId;

  public GrpcInstallOutputApi(Channel channel, String endpointId) {
    this.stub = AgentServiceGrpc.newBlockingStub(channel);
    this.endpointId = endpointId;
  }

  @Override
  public boolean send(String deploymentId, int attempt, long firstSequence, List<String> lines) {
    return stub.withDeadlineAfter(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).reportInstallOutput(
        InstallOutput.newBuilder().setEndpointId(endpointId).setDeploymentId(deploymentId).setAttempt(attempt)
            .setFirstSequence(firstSequence).addAllLines(lines).build()).getKept();
  }
}
