package dev.convoy.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AgentListCommandTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @Test
  void list_table_rendersWhatTheServerHas() {
    admin.service().endpoints.addAll(EndpointTableTest.two().getEndpointsList());

    Result result = admin.run("agent", "list");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(EndpointTable.render(EndpointTableTest.two(), InProcessAdmin.NOW));
  }

  @Test
  void list_json_oneListDocument() {
    admin.service().endpoints.addAll(EndpointTableTest.two().getEndpointsList());

    Result result = admin.run("agent", "list", "-o", "json");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("{\n  \"endpoints\": [").endsWith("}\n")
        .contains("\"endpointId\": \"ep-00000000000000b2\"");
  }
}
