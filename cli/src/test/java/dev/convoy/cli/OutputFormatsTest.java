package dev.convoy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.cli.testing.Inventories;
import dev.convoy.cli.testing.Statuses;
import dev.convoy.protocol.v1.Release;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --output csv} on the commands that predate it: the listings print RFC 4180 records, the others refuse it
 * with a usage error before contacting the server.
 */
class OutputFormatsTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "whoami                                                      | convoy whoami",
      "token create --group lab                                    | convoy token create",
      "campaign create --release hello@1.0.0 --targets all         | convoy campaign create",
      "campaign start c-1                                          | convoy campaign start",
      "release publish r.cvr                                       | convoy release publish",
      "campaign status c-1 --watch                                 | convoy campaign status --watch"})
  void csv_commandWithoutRows_usageErrorBeforeContactingTheServer(String command, String name) {
    List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
    args.addAll(List.of("--output", "csv"));

    Result result = admin.run(args.toArray(String[]::new));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: --output csv is not supported by " + name
        + " (expected: table or json)\n");
    assertThat(admin.connections).isEmpty();
    assertThat(admin.service().tokenRequests).isEmpty();
    assertThat(admin.service().uploads).isEmpty();
  }

  @Test
  void agentList_csv_recordPerEndpoint() {
    admin.service().endpoints.addAll(List.of(Inventories.ZOE, Inventories.KIOSK.toBuilder()
        .setOs("Ubuntu 24.04.1 LTS, \"kiosk\" edition").build()));

    Result result = admin.run("agent", "list", "-o", "csv");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(String.join("\r\n",
        "endpoint_id,hostname,group,online,last_seen,os,agent_version",
        "ep-1,pc-zoe,lab,true,2026-11-29T11:59:48Z,Debian GNU/Linux 12 (bookworm),0.2.0",
        "ep-3,kiosk-hall,office,false,2026-11-26T12:00:00Z,\"Ubuntu 24.04.1 LTS, \"\"kiosk\"\" edition\",0.1.0",
        ""));
  }

  @Test
  void campaignListAndStatus_csv_recordPerCampaignAndPerEndpoint() {
    admin.service().releases.put("hello@1.0.0", Release.newBuilder().setName("hello").setVersion("1.0.0").build());
    admin.service().endpoints.addAll(List.of(Statuses.endpoint("ep-1", "pc-1", "lab", true),
        Statuses.endpoint("ep-2", "pc-2", "lab", true)));
    admin.service().watchScript = c -> Statuses.lastFails(c, admin.service().targeted(c));
    admin.run("campaign", "create", "--release", "hello@1.0.0", "--targets", "group:lab",
        "--title", "Lab, \"first\"");

    Result list = admin.run("campaign", "list", "--output", "csv");
    Result status = admin.run("campaign", "status", "c-1", "--output", "csv");

    assertThat(list.out()).isEqualTo("campaign_id,state,release,targets,created_at,title\r\n"
        + "c-1,DRAFT,hello@1.0.0,group:lab,,\"Lab, \"\"first\"\"\"\r\n");
    assertThat(status.out()).isEqualTo(String.join("\r\n",
        "endpoint_id,hostname,state,attempt,exit_code,detail,wave,notice_delivered_at,deferred_until,next_attempt_at,"
            + "timed_out",
        "ep-1,pc-1,SUCCEEDED,1,0,installed,1,,,,false",
        "ep-2,pc-2,FAILED,1,3,install script failed,1,,,,false",
        ""));
  }

  @Test
  void help_namesTheThreeFormats() {
    Result result = admin.runBare("inventory", "query", "--help");

    assertThat(result.out()).contains("-o, --output=table|json|csv");
  }
}
