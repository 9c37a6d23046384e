package dev.convoy.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.WhoAmIRequest;
import dev.convoy.protocol.v1.WhoAmIResponse;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code convoy-server identity issue}: offline on a stopped server's directory, refused while it runs. */
class OfflineIdentityIssuerTest {
  @TempDir Path dir;

  private record Result(int exitCode, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(new ServerMain());
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    return new Result(line.execute(args), out.toString(), err.toString());
  }

  @Test
  void issue_serverRunning_refusedClearlyAndNothingWritten() throws Exception {
    Path data = dir.resolve("data");
    try (TestServer server = TestServer.start(data)) {
      Result result = run("identity", "issue", "--data", data.toString(), "--name", "bob", "--role", "technician",
          "--out", dir.resolve("bob.pem").toString());

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err()).startsWith("convoy-server identity issue: the database in " + data)
          .contains("is in use, most likely by a running server");
      assertThat(dir.resolve("bob.pem")).doesNotExist();
    }
  }

  @Test
  void issue_serverStopped_identityWorksOnceItRunsAgain() throws Exception {
    Path data = dir.resolve("data");
    TestServer server = TestServer.start(data);
    server.server().stop();
    Path out = dir.resolve("bob.pem");

    Result result = run("identity", "issue", "--data", data.toString(), "--name", "bob", "--role", "technician",
        "--email", "bob@example.org", "--out", out.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("Registered bob (roles: technician; scope: every endpoint (no scope))");
    assertThat(Files.getPosixFilePermissions(out)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    server.restart();
    try {
      WhoAmIResponse me = AdminServiceGrpc.newBlockingStub(server.channel(Identity.load(out)))
          .withDeadlineAfter(30, TimeUnit.SECONDS).whoAmI(WhoAmIRequest.getDefaultInstance());
      assertThat(me.getName()).isEqualTo("bob");
      assertThat(me.getRolesList()).containsExactly("technician");
    } finally {
      server.close();
    }
  }

  @Test
  void issue_lastAdminLosingAdmin_refused() throws Exception {
    Path data = dir.resolve("data");
    TestServer.start(data).server().stop();

    Result result = run("identity", "issue", "--data", data.toString(), "--name", "admin", "--role", "observer",
        "--out", dir.resolve("admin2.pem").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("admin is the last unrevoked admin without scope");
    assertThat(dir.resolve("admin2.pem")).doesNotExist();
  }

  @Test
  void issue_existingOutFile_refusedAndKept() throws Exception {
    Path data = dir.resolve("data");
    TestServer.start(data).server().stop();
    Path out = Files.writeString(dir.resolve("taken.pem"), "keep me");

    Result result = run("identity", "issue", "--data", data.toString(), "--name", "bob", "--role", "observer",
        "--out", out.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("--out: " + out + " exists");
    assertThat(Files.readString(out)).isEqualTo("keep me");
  }
}
