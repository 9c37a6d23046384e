package dev.convoy.agent;

import dev.convoy.agent.config.AgentConfig;
import dev.convoy.agent.config.DataDir;
import dev.convoy.agent.enroll.Enroller;
import dev.convoy.agent.enroll.EnrollmentRequest;
import dev.convoy.agent.grpc.GrpcEnrollmentApi;
import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.ServerAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convoy-agent enroll}: gets this workstation its identity, once. */
@Command(name = "enroll", mixinStandardHelpOptions = true,
    description = {"Enrolls this workstation with a Convoy server: generates a key pair here, sends a CSR with the "
        + "token, pins the CA, and writes DIR/identity.pem (0600) and DIR/agent.properties.",
        "Prints the endpoint id chosen by the server."})
final class EnrollCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--server", required = true, paramLabel = "HOST:PORT", converter = Converters.ServerAddressConverter.class,
      description = "the server's address")
  private ServerAddress server;

  @Option(names = "--token", required = true, paramLabel = "T", description = "an enrollment token ('convoy token create')")
  private String token;

  @Option(names = "--ca-fingerprint", required = true, paramLabel = "SHA256:...",
      converter = Converters.FingerprintConverter.class,
      description = "the CA fingerprint printed by 'convoy-server init'; the server must present this CA")
  private Fingerprint caFingerprint;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "the agent's data directory")
  private Path data;

  @Option(names = "--force", description = "enroll again even if DIR is already enrolled (new key and identity)")
  private boolean force;

  @Override
  public Integer call() {
    DataDir dir = new DataDir(data);
    AgentConfig config = new Enroller(new GrpcEnrollmentApi(Duration.ofSeconds(30)), Clock.systemUTC())
        .enroll(new EnrollmentRequest(dir, server, token, caFingerprint, force));
    spec.commandLine().getOut().printf("enrolled endpoint %s (group '%s') with %s; identity in %s%n",
        config.endpointId(), config.group(), config.server(), dir.identity());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
