package dev.convoy.cli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RevokeCommandsTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @Test
  void agentRevoke_knownEndpoint_revokedThenAlreadyRevoked() {
    admin.service().governance.endpoints.add("ep-0123456789abcdef");

    Result first = admin.run("agent", "revoke", "ep-0123456789abcdef", "--comment", "stolen");
    Result second = admin.run("agent", "revoke", "ep-0123456789abcdef");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("Revoked endpoint ep-0123456789abcdef at ")
        .endsWith("; 1 open stream closed.\n");
    assertThat(second.out()).isEqualTo("The endpoint ep-0123456789abcdef was already revoked; "
        + "it had no open streams.\n");
  }

  @Test
  void identityRevoke_unknownPerson_exitOneWithServerMessage() {
    Result result = admin.run("identity", "revoke", "nobody");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).contains("person nobody is not known");
  }

  @Test
  void identityRevoke_json_printsTheResponse() {
    admin.service().governance.persons.add("bob");

    Result result = admin.run("identity", "revoke", "bob", "-o", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("\"target\": \"bob\"", "\"alreadyRevoked\": false");
  }
}
