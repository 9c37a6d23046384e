package dev.convoy.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.transport.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServerMainTest {
  @TempDir Path dir;

  private record Result(int exitCode, String out, String err) {}

  private static Result run(String... args) {
    var out = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    CommandLine line = new CommandLine(new ServerMain());
    line.setOut(new java.io.PrintWriter(out));
    line.setErr(new java.io.PrintWriter(err));
    int code = line.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void init_emptyDirectory_createsLayoutAndPrintsFingerprintAndNextSteps() throws Exception {
    Path data = dir.resolve("data");

    Result result = run("init", "--data", data.toString(), "--san", "convoy.example", "--san", "10.0.0.5");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).containsPattern("CA fingerprint: SHA256:[0-9a-f]{64}")
        .contains("Admin identity: " + data.resolve("admin.pem"))
        .contains("Listen address: 0.0.0.0:8443")
        .contains("convoy-server run --data " + data);
    assertThat(data.resolve("pki/ca.pem")).exists();
    assertThat(data.resolve("pki/server.pem")).exists();
    assertThat(Files.readString(data.resolve("server.properties"))).contains("listen=0.0.0.0:8443");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("pki/ca-key.pem"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("admin.pem"))))
        .isEqualTo("rw-------");
    Identity admin = Identity.load(data.resolve("admin.pem"));
    assertThat(admin.subject()).isEqualTo("CN=admin,OU=person,O=Convoy");
    assertThat(admin.ca().getSubjectX500Principal().getName()).matches("CN=Convoy CA [0-9a-f]{8},O=Convoy");
    Identity server = Identity.load(data.resolve("pki/server.pem"));
    assertThat(server.certificate().getSubjectAlternativeNames().stream().map(san -> (Object) san.get(1)).toList())
        .containsExactly("convoy.example", "10.0.0.5");
  }

  @Test
  void init_alreadyInitialised_refusesAndChangesNothing() throws Exception {
    Path data = dir.resolve("data");
    assertThat(run("init", "--data", data.toString()).exitCode()).isZero();
    byte[] ca = Files.readAllBytes(data.resolve("pki/ca.pem"));
    byte[] admin = Files.readAllBytes(data.resolve("admin.pem"));
    long files;
    try (Stream<Path> all = Files.walk(data)) {
      files = all.count();
    }

    Result again = run("init", "--data", data.toString(), "--listen", "127.0.0.1:9000");

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("is already initialised");
    assertThat(Files.readAllBytes(data.resolve("pki/ca.pem"))).isEqualTo(ca);
    assertThat(Files.readAllBytes(data.resolve("admin.pem"))).isEqualTo(admin);
    assertThat(Files.readString(data.resolve("server.properties"))).contains("listen=0.0.0.0:8443");
    try (Stream<Path> all = Files.walk(data)) {
      assertThat(all.count()).isEqualTo(files);
    }
  }

  @Test
  void init_malformedListenOrSan_usageErrorsNamed() {
    Result listen = run("init", "--data", dir.resolve("a").toString(), "--listen", "nonsense");
    assertThat(listen.exitCode()).isEqualTo(1);
    assertThat(listen.err()).contains("listen: 'nonsense' (expected: HOST:PORT");

    Result san = run("init", "--data", dir.resolve("b").toString(), "--san", "10.0.0.999");
    assertThat(san.exitCode()).isEqualTo(1);
    assertThat(san.err()).contains("'10.0.0.999' is not a valid IP address");
  }

  @Test
  void run_notInitialised_refuses() {
    Result result = run("run", "--data", dir.resolve("nothing").toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("is not initialised");
  }

  @Test
  void noCommandOrUnknownOption_usageError() {
    assertThat(run().exitCode()).isEqualTo(2);
    assertThat(run("run", "--bogus").exitCode()).isEqualTo(2);
  }

  @Test
  void run_initialisedOnPortZero_writesPortFileAndServes() throws Exception {
    Path data = dir.resolve("data");
    assertThat(run("init", "--data", data.toString(), "--listen", "127.0.0.1:0").exitCode()).isZero();
    try (ConvoyServer server = ConvoyServer.start(ServerConfig.load(data), java.time.Clock.systemUTC())) {
      assertThat(Files.readString(data.resolve("server.port")).trim()).isEqualTo(String.valueOf(server.port()));
      assertThat(server.address().host()).isEqualTo("127.0.0.1");
      assertThat(server.caFingerprint().toString())
          .isEqualTo(dev.convoy.transport.Fingerprint.of(Identity.load(data.resolve("admin.pem")).ca()).toString());
    }
    assertThat(data.resolve("server.port")).doesNotExist();
  }
}
