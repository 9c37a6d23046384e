package dev.convoy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Global options, their environment defaults, usage errors and how server errors are reported. */
class ConvoyCliTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @Test
  void run_noServer_usageErrorNamesOptionAndVariable() {
    Result result = admin.runBare("--identity", "admin.pem", "whoami");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("error: no server address: use --server HOST:PORT or set CONVOY_SERVER")
        .contains("Try 'convoy whoami --help'");
    assertThat(admin.connections).isEmpty();
  }

  @Test
  void run_noIdentity_usageErrorNamesOptionAndVariable() {
    Result result = admin.runBare("--server", "localhost:8443", "agent", "list");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("no identity file: use --identity FILE or set CONVOY_IDENTITY");
  }

  @Test
  void run_serverAndIdentityFromEnvironment_connectsThere() {
    admin.variables.put("CONVOY_SERVER", "convoy.example:9443");
    admin.variables.put("CONVOY_IDENTITY", "/etc/convoy/me.pem");

    Result result = admin.runBare("whoami");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("admin").contains("CN=admin,OU=person,O=Convoy").contains("convoy.example:9443");
    assertThat(admin.connections).containsExactly("convoy.example:9443 me.pem");
  }

  @Test
  void run_optionsOverrideEnvironment_evenAfterTheSubcommand() {
    admin.variables.put("CONVOY_SERVER", "env.example:1");
    admin.variables.put("CONVOY_IDENTITY", "env.pem");

    Result result = admin.runBare("whoami", "--server", "opt.example:2", "--identity", "opt.pem");

    assertThat(result.exitCode()).isZero();
    assertThat(admin.connections).containsExactly("opt.example:2 opt.pem");
  }

  @Test
  void run_malformedServer_usageError() {
    Result result = admin.runBare("--server", "localhost", "--identity", "a.pem", "whoami");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--server: server address: 'localhost' (expected: HOST:PORT)");
  }

  @Test
  void run_unknownCommand_usageErrorWithSuggestion() {
    Result result = admin.run("campain", "list");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("error: Unmatched arguments").contains("campaign");
  }

  @Test
  void run_groupWithoutSubcommand_usageError() {
    Result result = admin.run("campaign");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Missing required subcommand");
  }

  @Test
  void run_noArguments_printsUsage() {
    Result result = admin.runBare();

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Usage: convoy").contains("campaign").contains("quickstart");
  }

  @Test
  void run_help_listsCommandsAndExitsZero() {
    Result result = admin.runBare("campaign", "create", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("--release=N@V").contains("--targets=TARGETS").contains("--output");
  }

  @Test
  void run_serverError_printsStatusCodeAndDescription() {
    Result result = admin.run("campaign", "start", "c-404");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).isEqualTo("error: NOT_FOUND: campaign c-404 not found\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void tokenCreate_malformedTtl_usageErrorNamesOption() {
    Result result = admin.run("token", "create", "--group", "lab", "--ttl", "5x");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--ttl")
        .contains("'5x' (expected: a positive whole number with unit s, m, h or d");
    assertThat(admin.service().tokenRequests).isEmpty();
  }

  @Test
  void tokenCreate_zeroUses_usageError() {
    Result result = admin.run("token", "create", "--group", "lab", "--uses", "0");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("error: --uses: 0 (expected: >= 1)");
    assertThat(admin.connections).isEmpty();
  }

  @Test
  void tokenCreate_missingGroup_usageError() {
    Result result = admin.run("token", "create");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Missing required option: '--group=G'");
  }

  @Test
  void campaignCreate_malformedTargets_usageErrorNamesOptionAndForms() {
    Result result = admin.run("campaign", "create", "--release", "hello@1.0.0", "--targets", "lab");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--targets: 'lab' in 'lab' (expected: group:G, all, or endpoint:ID[,ID...]");
  }

  @Test
  void campaignCreate_malformedRelease_usageErrorNamesOption() {
    Result result = admin.run("campaign", "create", "--release", "hello-1.0.0", "--targets", "all");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--release")
        .contains("'hello-1.0.0' (expected: NAME@VERSION, e.g. hello-convoy@1.0.0)");
  }

  @Test
  void run_badOutputFormat_usageError() {
    Result result = admin.run("agent", "list", "--output", "yaml");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--output").contains("yaml");
  }
}
