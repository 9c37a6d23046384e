package dev.convoy.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.testing.GrpcCleanup;
import dev.convoy.agent.testing.TestEnrollmentService;
import dev.convoy.agent.testing.TlsServer;
import dev.convoy.transport.CertificateAuthority;
import dev.convoy.transport.ServerAddress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes 0 / 1 / 2 and one clear {@code error:} line. */
class AgentMainTest {
  @RegisterExtension
  final GrpcCleanup grpc = new GrpcCleanup();
  @TempDir
  Path root;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return AgentMain.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void enroll_success_printsTheEndpointIdAndExitsZero() {
    CertificateAuthority ca = TlsServer.newCa("Test CA");
    ServerAddress address = TlsServer.start(ca, grpc, new TestEnrollmentService(ca));
    Path data = root.resolve("agent");

    int code = run("enroll", "--server", address.toString(), "--token", TestEnrollmentService.TOKEN,
        "--ca-fingerprint", ca.fingerprint().toString(), "--data", data.toString());

    assertThat(code).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).isEqualTo("enrolled endpoint ep-000000000000abc1 (group 'lab') with " + address
        + "; identity in " + data.resolve("identity.pem") + System.lineSeparator());
    assertThat(data.resolve("agent.properties")).exists();
  }

  @Test
  void enroll_wrongFingerprint_printsOneErrorLineAndExitsOne() {
    CertificateAuthority ca = TlsServer.newCa("Test CA");
    ServerAddress address = TlsServer.start(ca, grpc, new TestEnrollmentService(ca));
    String other = TlsServer.newCa("Other CA").fingerprint().toString();

    int code = run("enroll", "--server", address.toString(), "--token", TestEnrollmentService.TOKEN,
        "--ca-fingerprint", other, "--data", root.resolve("agent").toString());

    assertThat(code).isEqualTo(AgentMain.RUNTIME_ERROR);
    assertThat(err.toString().lines()).containsExactly(
        "error: CA fingerprint mismatch: the server presented " + ca.fingerprint() + ", expected " + other);
    assertThat(root.resolve("agent")).doesNotExist();
  }

  @Test
  void enroll_missingOptions_isAUsageError() {
    int code = run("enroll", "--server", "localhost:8443");

    assertThat(code).isEqualTo(AgentMain.USAGE_ERROR);
    assertThat(err.toString().lines()).singleElement().asString()
        .startsWith("error: Missing required options: ")
        .contains("'--token=T'", "'--ca-fingerprint=SHA256:...'", "'--data=DIR'")
        .endsWith("(see 'convoy-agent enroll --help')");
  }

  @Test
  void enroll_malformedFingerprint_isAUsageErrorNamingTheExpectedForm() {
    int code = run("enroll", "--server", "localhost:8443", "--token", "t", "--ca-fingerprint", "MD5:12",
        "--data", root.toString());

    assertThat(code).isEqualTo(AgentMain.USAGE_ERROR);
    assertThat(err.toString().lines()).singleElement().asString()
        .contains("'--ca-fingerprint'").contains("CA fingerprint: 'MD5:12' (expected: SHA256:<64 hex digits>)");
  }

  @Test
  void enroll_malformedServer_isAUsageError() {
    int code = run("enroll", "--server", "localhost", "--token", "t", "--ca-fingerprint", "SHA256:" + "0".repeat(64),
        "--data", root.toString());

    assertThat(code).isEqualTo(AgentMain.USAGE_ERROR);
    assertThat(err.toString()).contains("server address: 'localhost' (expected: HOST:PORT)");
  }

  @Test
  void run_notEnrolled_printsOneErrorLineAndExitsOne() throws Exception {
    Files.createDirectories(root.resolve("empty"));

    int code = run("run", "--data", root.resolve("empty").toString());

    assertThat(code).isEqualTo(AgentMain.RUNTIME_ERROR);
    assertThat(err.toString().lines()).containsExactly("error: " + root.resolve("empty")
        + " is not enrolled (no agent.properties; run 'convoy-agent enroll' first)");
  }

  @Test
  void run_negativeRateLimit_isAUsageError() {
    int code = run("run", "--data", root.toString(), "--download-rate-limit", "-5");

    assertThat(code).isEqualTo(AgentMain.USAGE_ERROR);
    assertThat(err.toString()).contains("'-5' (expected: bytes per second, >= 0; 0 = unlimited)");
  }

  @Test
  void noCommand_isAUsageError() {
    assertThat(run()).isEqualTo(AgentMain.USAGE_ERROR);
    assertThat(err.toString()).startsWith("error: a command is required: enroll, run, catalog, install, notices or defer");
  }

  @Test
  void help_run_hidesTheTestOnlyRateLimit() {
    assertThat(run("run", "--help")).isZero();
    assertThat(out.toString()).contains("--data=DIR").doesNotContain("download-rate-limit");
  }
}
