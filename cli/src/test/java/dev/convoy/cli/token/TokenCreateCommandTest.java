package dev.convoy.cli.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.protocol.v1.CreateEnrollmentTokenRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenCreateCommandTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @Test
  void create_defaults_oneUseForADayAndOnlyTheSecretOnStdout() {
    Result result = admin.run("token", "create", "--group", "lab");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("secret-1\n");
    assertThat(result.err()).contains("token tok-1 for group lab: 1 use, expires 2027-01-15T08:00:00Z");
    assertThat(admin.service().tokenRequests).containsExactly(CreateEnrollmentTokenRequest.newBuilder()
        .setGroup("lab").setUses(1).setTtlSeconds(86_400).build());
  }

  @Test
  void create_usesAndTtl_sentAsGiven() {
    Result result = admin.run("token", "create", "--group", "quickstart", "--uses", "3", "--ttl", "90m");

    assertThat(result.exitCode()).isZero();
    assertThat(admin.service().tokenRequests.get(0).getUses()).isEqualTo(3);
    assertThat(admin.service().tokenRequests.get(0).getTtlSeconds()).isEqualTo(5_400);
  }

  @Test
  void create_json_wholeResponse() {
    Result result = admin.run("token", "create", "--group", "lab", "--output", "json");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("{").contains("\"token\": \"secret-1\"").contains("\"tokenId\": \"tok-1\"")
        .contains("\"group\": \"lab\"").contains("\"uses\": 1").contains("\"expiresAt\": \"2027-01-15T08:00:00Z\"");
    assertThat(result.err()).isEmpty();
  }
}
