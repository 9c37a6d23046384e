package dev.convoy.cli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.ChannelFactory;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.server.ConvoyServer;
import dev.convoy.server.ListenAddress;
import dev.convoy.server.ServerConfig;
import dev.convoy.server.ServerInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code convoy identity issue|list|set} and {@code whoami} against a real server over mutual TLS on loopback. */
class IdentityCommandsTest {
  @RegisterExtension
  final InProcessAdmin cli = new InProcessAdmin();

  @TempDir Path dir;
  private ConvoyServer server;
  private Path adminFile;

  @BeforeEach
  void start() throws Exception {
    Path data = dir.resolve("server");
    ServerInitializer.init(data, List.of(), ListenAddress.parse("127.0.0.1:0"), Clock.systemUTC());
    server = ConvoyServer.start(ServerConfig.load(data), Clock.systemUTC());
    adminFile = data.resolve("admin.pem");
    cli.channelFactory = ChannelFactory.mutualTls();
    cli.workingDirectory = dir;
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private Result as(Path identity, String... args) {
    List<String> all = new ArrayList<>(List.of("--server", "127.0.0.1:" + server.port(), "--identity",
        identity.toString()));
    all.addAll(List.of(args));
    return cli.runBare(all.toArray(String[]::new));
  }

  @Test
  void issue_technician_identityFileWorksForExactlyItsRoles() throws Exception {
    Result issued = as(adminFile, "identity", "issue", "--name", "tina", "--role", "technician",
        "--email", "tina@example.org", "--out", "tina.pem");

    assertThat(issued.exitCode()).as(issued.err()).isZero();
    assertThat(issued.out()).startsWith("Registered tina (roles: technician; scope: (all))\nIdentity file: "
        + dir.resolve("tina.pem"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("tina.pem")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    Result whoami = as(dir.resolve("tina.pem"), "whoami");
    assertThat(whoami.out()).contains("name         tina\n", "roles        technician\n",
        "scopes       (none: every endpoint)\n", "permissions  refresh-inventory, technician-work, view\n");
    Result refused = as(dir.resolve("tina.pem"), "identity", "issue", "--name", "mallory", "--role", "admin",
        "--out", "mallory.pem");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(refused.err()).contains("PERMISSION_DENIED", "may not call IssueIdentity",
        "needs permission manage-identities");
    assertThat(dir.resolve("mallory.pem")).doesNotExist();
  }

  @Test
  void listAndSet_changesRolesAndShowsThem() {
    as(adminFile, "identity", "issue", "--name", "rita", "--role", "observer", "--out", "rita.pem");

    Result set = as(adminFile, "identity", "set", "rita", "--role", "release-manager,approver");
    Result list = as(adminFile, "identity", "list");

    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(set.out()).isEqualTo("Changed rita: roles approver,release-manager; scope (all); e-mail -\n");
    assertThat(list.out()).containsPattern("(?m)^admin +admin +\\(all\\) +- +1 +no *$")
        .containsPattern("(?m)^rita +approver,release-manager +\\(all\\) +- +1 +no *$");
  }

  @Test
  void set_ownAdminRole_refusedWithTheReason() {
    Result result = as(adminFile, "identity", "set", "admin", "--role", "observer");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).contains("you cannot remove your own admin role");
  }

  @Test
  void issue_existingOutFile_usageErrorBeforeContactingTheServer() throws Exception {
    Files.writeString(dir.resolve("taken.pem"), "x");

    Result result = as(adminFile, "identity", "issue", "--name", "sam", "--role", "observer", "--out", "taken.pem");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--out: " + dir.resolve("taken.pem") + " exists");
    assertThat(as(adminFile, "identity", "list").out()).doesNotContain("sam");
  }
}
