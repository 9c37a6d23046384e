package dev.convoy.cli.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.cli.testing.Inventories;
import dev.convoy.protocol.v1.EndpointInventory;
import dev.convoy.protocol.v1.GetInventoryRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InventoryShowCommandTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @BeforeEach
  void inventories() {
    Inventories.install(admin.service());
  }

  @Test
  void show_table_sectionsInReadingOrderSizesInGibibytes() {
    Result result = admin.run("inventory", "show", "ep-1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(admin.service().inventory.requests)
        .containsExactly(GetInventoryRequest.newBuilder().setEndpointId("ep-1").build());
    assertThat(result.out()).isEqualTo("""
        Inventory of ep-1 (pc-zoe)
          updated  2h ago (2026-11-29T10:00:00Z)
          facts    42
          sha256   9f2c4a1be07d5e3f8a6b0c2d4e6f8091a3b5c7d9e1f20314253647586970a1b2
          digest   4be1c0d2e3f405162738495a6b7c8d9eafb0c1d2e3f405162738495a6b7c8d9e

        host
          name  pc-zoe

        os
          arch      amd64
          family    debian
          id        debian
          locale    fr-FR
          name      Debian GNU/Linux 12 (bookworm)
          timezone  Europe/Paris
          uptime_s  93784
          version   12

        hardware
          cpu.cores                 4
          cpu.model                 Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz
          cpu.threads               8
          disks.nvme0n1.size_bytes  476.9 GiB
          memory_bytes              15.5 GiB
          memory_gb                 15.5
          model                     ThinkPad T480
          vendor                    LENOVO

        filesystems
          ["/"].free_bytes   299.9 GiB
          ["/"].total_bytes  468.0 GiB
          ["/"].type         ext4

        network
          interfaces.eth0.ipv4  10.1.2.34, 10.1.2.35
          interfaces.eth0.mac   3c:52:82:1a:2b:3c

        users
          logged_in  marc, zoe

        software: 3 packages
          NAME          VERSION            SOURCE  ARCH
          g++           4:12.2.0-3         dpkg    amd64
          hello-convoy  1.1.0              convoy
          libreoffice   4:7.4.7-1+deb12u4  dpkg    amd64

        convoy
          releases.hello-convoy.state    installed
          releases.hello-convoy.version  1.1.0

        agent
          health   ok
          version  0.2.0

        facts
          asset_tag      4711
          kiosk          false
          note           Écran "4K"\\nprêté par la DSI
          screen_inches  23.8
          site           Poste de Zoé, 2ᵉ étage
        """);
  }

  @Test
  void show_csv_pathTypeValueRawAndQuoted() {
    Result result = admin.run("inventory", "show", "ep-1", "--output", "csv");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(String.join("\r\n",
        "path,type,value",
        "agent.health,text,ok",
        "agent.version,text,0.2.0",
        "convoy.releases.hello-convoy.state,text,installed",
        "convoy.releases.hello-convoy.version,text,1.1.0",
        "facts.asset_tag,integer,4711",
        "facts.kiosk,boolean,false",
        "facts.note,text,\"Écran \"\"4K\"\"\nprêté par la DSI\"",
        "facts.screen_inches,real,23.8",
        "facts.site,text,\"Poste de Zoé, 2ᵉ étage\"",
        "\"filesystems[\"\"/\"\"].free_bytes\",integer,321965481984",
        "\"filesystems[\"\"/\"\"].total_bytes\",integer,502468108288",
        "\"filesystems[\"\"/\"\"].type\",text,ext4",
        "hardware.cpu.cores,integer,4",
        "hardware.cpu.model,text,Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz",
        "hardware.cpu.threads,integer,8",
        "hardware.disks.nvme0n1.size_bytes,integer,512110190592",
        "hardware.memory_bytes,integer,16663814144",
        "hardware.memory_gb,real,15.5",
        "hardware.model,text,ThinkPad T480",
        "hardware.vendor,text,LENOVO",
        "host.name,text,pc-zoe",
        "network.interfaces.eth0.ipv4[0],text,10.1.2.34",
        "network.interfaces.eth0.ipv4[1],text,10.1.2.35",
        "network.interfaces.eth0.mac,text,3c:52:82:1a:2b:3c",
        "os.arch,text,amd64",
        "os.family,text,debian",
        "os.id,text,debian",
        "os.locale,text,fr-FR",
        "os.name,text,Debian GNU/Linux 12 (bookworm)",
        "os.timezone,text,Europe/Paris",
        "os.uptime_s,integer,93784",
        "os.version,text,12",
        "software.hello-convoy.source,text,convoy",
        "software.hello-convoy.version,text,1.1.0",
        "software.libreoffice.arch,text,amd64",
        "software.libreoffice.source,text,dpkg",
        "software.libreoffice.version,text,4:7.4.7-1+deb12u4",
        "\"software[\"\"g++\"\"].arch\",text,amd64",
        "\"software[\"\"g++\"\"].source\",text,dpkg",
        "\"software[\"\"g++\"\"].version\",text,4:12.2.0-3",
        "users.logged_in[0],text,marc",
        "users.logged_in[1],text,zoe",
        ""));
  }

  @Test
  void show_json_theServersMessageLosslessly() throws Exception {
    Result result = admin.run("inventory", "show", "ep-1", "-o", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("""
        {
          "endpointId": "ep-1",
          "hostname": "pc-zoe",
          "updatedAt": "2026-11-29T10:00:00Z",
          "inventorySha256": "9f2c4a1be07d5e3f8a6b0c2d4e6f8091a3b5c7d9e1f20314253647586970a1b2",
          "facts": [{
            "path": "agent.health",
            "value": {
              "text": "ok"
            }
          },""").contains("    \"path\": \"hardware.memory_bytes\",\n    \"value\": {\n"
        + "      \"integer\": \"16663814144\"\n    }").endsWith("}\n");
    EndpointInventory.Builder parsed = EndpointInventory.newBuilder();
    JsonFormat.parser().merge(result.out(), parsed);
    assertThat(parsed.build()).isEqualTo(admin.service().inventory.inventories.get("ep-1"));
  }

  @Test
  void show_unknownEndpoint_serverErrorExit1() {
    Result result = admin.run("inventory", "show", "ep-404");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).isEqualTo("error: NOT_FOUND: endpoint ep-404 not found\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void show_missingEndpoint_usageError() {
    Result result = admin.run("inventory", "show");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Missing required parameter: 'ENDPOINT'");
    assertThat(admin.connections).isEmpty();
  }
}
