package dev.convoy.cli.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.cli.testing.Inventories;
import dev.convoy.protocol.v1.CreateGroupRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GroupCommandsTest {
  private static final String SMALL_RAM = "hardware.memory_gb < 8";

  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @BeforeEach
  void endpoints() {
    Inventories.install(admin.service());
  }

  private void createSmallRam() {
    Result created = admin.run("group", "create", "small-ram", "--query", SMALL_RAM,
        "--description", "Moins de 8 Gio, \"à remplacer\"");
    assertThat(created.exitCode()).as(created.err()).isZero();
  }

  @Test
  void create_table_groupWithItsCurrentMembers() {
    Result result = admin.run("group", "create", "small-ram", "--query", SMALL_RAM,
        "--description", "Less than 8 GiB");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(admin.service().inventory.requests).containsExactly(CreateGroupRequest.newBuilder()
        .setName("small-ram").setQuery(SMALL_RAM).setDescription("Less than 8 GiB").build());
    assertThat(result.out()).isEqualTo("""
        group        small-ram
        kind         dynamic
        query        hardware.memory_gb < 8
        description  Less than 8 GiB
        members      2
        created      2026-11-29T12:00:00Z by CN=admin,OU=person,O=Convoy
        """);
  }

  @Test
  void create_json_groupMessage() {
    Result result = admin.run("group", "create", "kiosks", "--query", "facts.kiosk = true", "-o", "json");

    assertThat(result.out()).isEqualTo("""
        {
          "name": "kiosks",
          "dynamic": true,
          "query": "facts.kiosk \\u003d true",
          "description": "",
          "memberCount": 1,
          "createdBy": "CN\\u003dadmin,OU\\u003dperson,O\\u003dConvoy",
          "createdAt": "2026-11-29T12:00:00Z"
        }
        """);
  }

  @Test
  void create_csv_oneRecordLikeList() {
    Result result = admin.run("group", "create", "kiosks", "--query", "facts.kiosk = true", "-o", "csv");

    assertThat(result.out()).isEqualTo("name,dynamic,member_count,query,description,created_by,created_at\r\n"
        + "kiosks,true,1,facts.kiosk = true,,\"CN=admin,OU=person,O=Convoy\",2026-11-29T12:00:00Z\r\n");
  }

  @Test
  void create_syntaxError_serverMessageWithCaretExit1() {
    Result result = admin.run("group", "create", "broken", "--query", "os.family = ");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).isEqualTo("""
        error: INVALID_ARGUMENT: query: at column 13: expected a value after '=' but found end of query
        os.family =\s
                    ^
        """);
    assertThat(admin.service().groups.dynamic).isEmpty();
  }

  @Test
  void create_missingQuery_usageError() {
    Result result = admin.run("group", "create", "small-ram");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Missing required option: '--query=EXPR'");
    assertThat(admin.connections).isEmpty();
  }

  @Test
  void create_blankQuery_usageError() {
    Result result = admin.run("group", "create", "small-ram", "--query", "");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: --query: empty (expected: an inventory query");
    assertThat(admin.connections).isEmpty();
  }

  @Test
  void create_nameOfAStaticGroup_serverErrorExit1() {
    Result result = admin.run("group", "create", "lab", "--query", SMALL_RAM);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).isEqualTo("error: ALREADY_EXISTS: group lab already exists\n");
  }

  @Test
  void list_table_staticAndDynamic() {
    createSmallRam();

    Result result = admin.run("group", "list");

    assertThat(result.out()).isEqualTo("""
        GROUP      KIND     MEMBERS  QUERY                   DESCRIPTION
        lab        static   2
        office     static   1
        small-ram  dynamic  2        hardware.memory_gb < 8  Moins de 8 Gio, "à remplacer"
        """);
  }

  @Test
  void list_csv_recordPerGroupQuoted() {
    createSmallRam();

    Result result = admin.run("group", "list", "--output", "csv");

    assertThat(result.out()).isEqualTo(String.join("\r\n",
        "name,dynamic,member_count,query,description,created_by,created_at",
        "lab,false,2,,,,",
        "office,false,1,,,,",
        "small-ram,true,2,hardware.memory_gb < 8,\"Moins de 8 Gio, \"\"à remplacer\"\"\","
            + "\"CN=admin,OU=person,O=Convoy\",2026-11-29T12:00:00Z",
        ""));
  }

  @Test
  void list_json_listResponse() {
    Result result = admin.run("group", "list", "-o", "json");

    assertThat(result.out()).isEqualTo("""
        {
          "groups": [{
            "name": "lab",
            "dynamic": false,
            "query": "",
            "description": "",
            "memberCount": 2,
            "createdBy": ""
          }, {
            "name": "office",
            "dynamic": false,
            "query": "",
            "description": "",
            "memberCount": 1,
            "createdBy": ""
          }]
        }
        """);
  }

  @Test
  void list_none_hintsAtBothKinds() {
    admin.service().endpoints.clear();

    Result result = admin.run("group", "list");

    assertThat(result.out()).isEqualTo("""
        No groups yet. Enrollment tokens make static ones (convoy token create --group G);
        create a dynamic one with: convoy group create NAME --query EXPR
        """);
  }

  @Test
  void show_table_headerThenMembersLikeAgentList() {
    createSmallRam();

    Result result = admin.run("group", "show", "small-ram");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("""
        group        small-ram
        kind         dynamic
        query        hardware.memory_gb < 8
        description  Moins de 8 Gio, "à remplacer"
        members      2
        created      2026-11-29T12:00:00Z by CN=admin,OU=person,O=Convoy

        ENDPOINT  HOSTNAME    GROUP   STATUS   LAST SEEN                       OS
        ep-2      pc-marc     lab     online   40s ago (2026-11-29T11:59:20Z)  Debian GNU/Linux 12 (bookworm)
        ep-3      kiosk-hall  office  offline  3d ago (2026-11-26T12:00:00Z)   Ubuntu 24.04.1 LTS
        2 endpoints, 1 online
        """);
  }

  @Test
  void show_noMembers_saysSo() {
    admin.run("group", "create", "nobody", "--query", "os.family = \"windows\"");

    Result result = admin.run("group", "show", "nobody");

    assertThat(result.out()).isEqualTo("""
        group    nobody
        kind     dynamic
        query    os.family = "windows"
        members  0
        created  2026-11-29T12:00:00Z by CN=admin,OU=person,O=Convoy

        No members.
        """);
  }

  @Test
  void show_csv_membersAsAgentListCsv() {
    createSmallRam();

    Result result = admin.run("group", "show", "small-ram", "-o", "csv");

    assertThat(result.out()).isEqualTo(String.join("\r\n",
        "endpoint_id,hostname,group,online,last_seen,os,agent_version",
        "ep-2,pc-marc,lab,true,2026-11-29T11:59:20Z,Debian GNU/Linux 12 (bookworm),0.2.0",
        "ep-3,kiosk-hall,office,false,2026-11-26T12:00:00Z,Ubuntu 24.04.1 LTS,0.1.0",
        ""));
  }

  @Test
  void show_json_groupAndMembers() {
    Result result = admin.run("group", "show", "office", "-o", "json");

    assertThat(result.out()).startsWith("""
        {
          "group": {
            "name": "office",
            "dynamic": false,""").contains("  \"members\": [{\n    \"endpointId\": \"ep-3\",\n"
        + "    \"hostname\": \"kiosk-hall\",\n    \"group\": \"office\",\n    \"online\": false,\n")
        .endsWith("}\n");
  }

  @Test
  void show_unknownGroup_serverErrorExit1() {
    Result result = admin.run("group", "show", "nope");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).isEqualTo("error: NOT_FOUND: group nope not found\n");
  }
}
