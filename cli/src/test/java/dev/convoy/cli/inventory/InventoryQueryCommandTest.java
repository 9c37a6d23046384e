package dev.convoy.cli.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.cli.testing.Inventories;
import dev.convoy.protocol.v1.QueryInventoryRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InventoryQueryCommandTest {
  private static final String DEBIAN = "os.family = \"debian\"";

  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @BeforeEach
  void inventories() {
    Inventories.install(admin.service());
  }

  @Test
  void query_table_columnPerFieldAndCount() {
    Result result = admin.run("inventory", "query", DEBIAN, "--field", "os.name",
        "--field", "hardware.memory_bytes", "--field", "facts.site", "--field", "users.logged_in");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("""
        ENDPOINT  HOSTNAME    os.name                         hardware.memory_bytes  facts.site              users.logged_in
        ep-1      pc-zoe      Debian GNU/Linux 12 (bookworm)  15.5 GiB               Poste de Zoé, 2ᵉ étage  marc, zoe
        ep-2      pc-marc     Debian GNU/Linux 12 (bookworm)  7.8 GiB                Bureau 12
        ep-3      kiosk-hall  Ubuntu 24.04.1 LTS              4.0 GiB
        3 of 3 endpoints match
        """);
  }

  @Test
  void query_fieldsAndLimit_sentAsGiven() {
    admin.run("inventory", "query", DEBIAN, "--field", "software[\"g++\"].version", "--field", "os.id",
        "--limit", "2");

    assertThat(admin.service().inventory.requests).containsExactly(QueryInventoryRequest.newBuilder()
        .setQuery(DEBIAN).addFields("software[\"g++\"].version").addFields("os.id").setLimit(2).build());
  }

  @Test
  void query_fieldInAnotherNotation_stillFindsTheFact() {
    Result result = admin.run("inventory", "query", "software[\"g++\"] exists",
        "--field", "software[\"g++\"].version", "--field", "software[\"libreoffice\"].version");

    assertThat(result.out()).isEqualTo("""
        ENDPOINT  HOSTNAME  software["g++"].version  software["libreoffice"].version
        ep-1      pc-zoe    4:12.2.0-3               4:7.4.7-1+deb12u4
        1 of 1 endpoint matches
        """);
  }

  @Test
  void query_truncated_footerSaysSo() {
    Result result = admin.run("inventory", "query", DEBIAN, "--limit", "2");

    assertThat(result.out()).isEqualTo("""
        ENDPOINT  HOSTNAME
        ep-1      pc-zoe
        ep-2      pc-marc
        2 of 3 endpoints match (truncated)
        """);
  }

  @Test
  void query_noMatch_saysSo() {
    Result result = admin.run("inventory", "query", "os.family = \"windows\"");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("No endpoints match.\n");
  }

  @Test
  void query_csv_headerFieldsAsGivenValuesRawAndQuoted() {
    Result result = admin.run("inventory", "query", DEBIAN, "--field", "facts.site",
        "--field", "hardware.memory_bytes", "--field", "facts[\"note\"]", "-o", "csv");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(String.join("\r\n",
        "endpoint_id,hostname,facts.site,hardware.memory_bytes,\"facts[\"\"note\"\"]\"",
        "ep-1,pc-zoe,\"Poste de Zoé, 2ᵉ étage\",16663814144,\"Écran \"\"4K\"\"\nprêté par la DSI\"",
        "ep-2,pc-marc,Bureau 12,8321499136,",
        "ep-3,kiosk-hall,,4294967296,",
        ""));
    assertThat(result.err()).isEmpty();
  }

  @Test
  void query_csvTruncated_rowsOnStdoutWarningOnStderr() {
    Result result = admin.run("inventory", "query", DEBIAN, "--limit", "1", "--output", "csv");

    assertThat(result.out()).isEqualTo("endpoint_id,hostname\r\nep-1,pc-zoe\r\n");
    assertThat(result.err()).isEqualTo("1 of 3 endpoints match (truncated): raise --limit to get them all\n");
  }

  @Test
  void query_json_responseMessage() {
    Result result = admin.run("inventory", "query", "facts.kiosk = false", "--field", "facts.site",
        "--field", "hardware.memory_gb", "-o", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("""
        {
          "matches": [{
            "endpointId": "ep-1",
            "hostname": "pc-zoe",
            "facts": [{
              "path": "facts.site",
              "value": {
                "text": "Poste de Zoé, 2ᵉ étage"
              }
            }, {
              "path": "hardware.memory_gb",
              "value": {
                "real": 15.5
              }
            }]
          }],
          "total": 1,
          "truncated": false
        }
        """);
  }

  @Test
  void query_syntaxError_serverMessageWithCaretExit1() {
    Result result = admin.run("inventory", "query", "hardware.memgb <");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).isEqualTo("""
        error: INVALID_ARGUMENT: query: at column 17: expected a value after '<' but found end of query
        hardware.memgb <
                        ^
        """);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void query_missingExpression_usageError() {
    Result result = admin.run("inventory", "query", "--field", "os.name");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Missing required parameter: 'EXPR'")
        .contains("Try 'convoy inventory query --help'");
    assertThat(admin.connections).isEmpty();
  }

  @Test
  void query_blankExpression_usageError() {
    Result result = admin.run("inventory", "query", "  ");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith(
        "error: EXPR: empty (expected: an inventory query, e.g. 'os.family = \"debian\"')\n");
    assertThat(admin.connections).isEmpty();
  }

  @Test
  void query_unquotedExpressionSplitByTheShell_usageErrorSaysQuoteIt() {
    Result result = admin.run("inventory", "query", "os.family", "=", "debian");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: EXPR: 3 arguments [os.family, =, debian] (expected: one; "
        + "quote the whole query, e.g. 'os.family = \"debian\"')\n");
    assertThat(admin.connections).isEmpty();
  }

  @Test
  void query_limitBelowOne_usageError() {
    Result result = admin.run("inventory", "query", DEBIAN, "--limit", "0");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: --limit: 0 (expected: >= 1)\n");
    assertThat(admin.connections).isEmpty();
  }
}
