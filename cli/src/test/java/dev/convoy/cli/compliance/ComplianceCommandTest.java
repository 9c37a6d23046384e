package dev.convoy.cli.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.cli.testing.Inventories;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.GetComplianceRequest;
import dev.convoy.protocol.v1.Release;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ComplianceCommandTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @BeforeEach
  void fleetAndApprovedRelease() {
    Inventories.install(admin.service());
    admin.service().campaigns.put("c-7", Campaign.newBuilder().setCampaignId("c-7")
        .setState(CampaignState.COMPLETED).setRelease(Release.newBuilder().setName("hello-convoy").setVersion("1.1.0"))
        .setFinishedAt(Inventories.at(InProcessAdmin.NOW.minusSeconds(7200))).build());
  }

  @Test
  void compliance_table_referenceTotalsHistogramAndLists() {
    Result result = admin.run("compliance", "hello-convoy");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(admin.service().inventory.requests)
        .containsExactly(GetComplianceRequest.newBuilder().setPackage("hello-convoy").build());
    assertThat(result.out()).isEqualTo("""
        Compliance of hello-convoy
          reference  1.1.0
          from       campaign c-7 (completed 2026-11-29T10:00:00Z)
          endpoints  3 installed, 1 compliant, 2 behind, 1 unmanaged of 3 endpoints with an inventory

        Versions
          1.1.0  [##########--------------------]  1  33%
          1.0.0  [xxxxxxxxxx--------------------]  1  33%
          0.9.1  [xxxxxxxxxx--------------------]  1  33%

        Behind (2)
          ENDPOINT  HOSTNAME    VERSION  SOURCE
          ep-2      pc-marc     1.0.0    convoy
          ep-3      kiosk-hall  0.9.1    dpkg

        Unmanaged, not installed by Convoy (1)
          ENDPOINT  HOSTNAME    VERSION  SOURCE
          ep-3      kiosk-hall  0.9.1    dpkg
        """);
  }

  @Test
  void compliance_release_sentAsVersionAndShownAsRequested() {
    admin.service().putInventory(Inventories.inventory(Inventories.MARC, InProcessAdmin.NOW, List.of(
        Inventories.text("software.hello-convoy.version", "1.1.0"),
        Inventories.text("software.hello-convoy.source", "convoy"))));

    Result result = admin.run("compliance", "hello-convoy", "--release", "hello-convoy@1.0.0");

    assertThat(admin.service().inventory.requests).containsExactly(GetComplianceRequest.newBuilder()
        .setPackage("hello-convoy").setReleaseVersion("1.0.0").build());
    assertThat(result.out()).isEqualTo("""
        Compliance of hello-convoy
          reference  1.0.0
          from       requested
          endpoints  3 installed, 2 compliant, 1 behind, 1 unmanaged of 3 endpoints with an inventory

        Versions
          1.1.0  [####################----------]  2  66%
          0.9.1  [xxxxxxxxxx--------------------]  1  33%

        Behind (1)
          ENDPOINT  HOSTNAME    VERSION  SOURCE
          ep-3      kiosk-hall  0.9.1    dpkg

        Unmanaged, not installed by Convoy (1)
          ENDPOINT  HOSTNAME    VERSION  SOURCE
          ep-3      kiosk-hall  0.9.1    dpkg
        """);
  }

  @Test
  void compliance_noneBehind_saysSo() {
    Result result = admin.run("compliance", "hello-convoy", "--release", "hello-convoy@0.9");

    assertThat(result.out()).contains("  0.9.1  [##########--------------------]  1  33%\n")
        .doesNotContain("Behind (").endsWith("\nNo endpoint is behind 0.9.\n");
  }

  @Test
  void compliance_noReference_saysHowToGiveOne() {
    Result result = admin.run("compliance", "libreoffice");

    assertThat(result.out()).isEqualTo("""
        Compliance of libreoffice
          reference  none: no completed campaign of libreoffice (give one with --release libreoffice@VERSION)
          endpoints  1 installed, 0 compliant, 0 behind, 1 unmanaged of 3 endpoints with an inventory

        Versions
          4:7.4.7-1+deb12u4  [##########--------------------]  1  33%

        Unmanaged, not installed by Convoy (1)
          ENDPOINT  HOSTNAME  VERSION            SOURCE
          ep-1      pc-zoe    4:7.4.7-1+deb12u4  dpkg
        """);
  }

  @Test
  void compliance_notInstalledAnywhere_saysSo() {
    Result result = admin.run("compliance", "firefox-esr", "--release", "firefox-esr@128.5.0");

    assertThat(result.out()).isEqualTo("""
        Compliance of firefox-esr
          reference  128.5.0
          from       requested
          endpoints  0 installed, 0 compliant, 0 behind, 0 unmanaged of 3 endpoints with an inventory

        No endpoint has firefox-esr.
        """);
  }

  @Test
  void compliance_csv_recordPerEndpointNamedWithStatus() {
    admin.service().putInventory(Inventories.inventory(Inventories.ZOE, InProcessAdmin.NOW, List.of(
        Inventories.text("host.name", "pc-zoe"), Inventories.text("software.hello-convoy.version", "1.1.0"),
        Inventories.text("software.hello-convoy.source", "rpm"))));
    admin.service().inventory.inventories.put("ep-4", Inventories.inventory(
        Inventories.ZOE.toBuilder().setEndpointId("ep-4").setHostname("Poste de Zoé, 2ᵉ étage").build(),
        InProcessAdmin.NOW, List.of(Inventories.text("software.hello-convoy.version", "1.0.0"),
            Inventories.text("software.hello-convoy.source", "convoy"))));

    Result result = admin.run("compliance", "hello-convoy", "-o", "csv");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(String.join("\r\n",
        "endpoint_id,hostname,version,source,status",
        "ep-2,pc-marc,1.0.0,convoy,behind",
        "ep-3,kiosk-hall,0.9.1,dpkg,behind",
        "ep-4,\"Poste de Zoé, 2ᵉ étage\",1.0.0,convoy,behind",
        "ep-1,pc-zoe,1.1.0,rpm,unmanaged",
        ""));
  }

  @Test
  void compliance_json_reportMessage() {
    Result result = admin.run("compliance", "hello-convoy", "--release", "hello-convoy@1.0.0", "-o", "json");

    assertThat(result.out()).isEqualTo("""
        {
          "package": "hello-convoy",
          "referenceVersion": "1.0.0",
          "referenceSource": "requested",
          "endpointsTotal": 3,
          "installed": 3,
          "compliant": 2,
          "versions": [{
            "version": "1.1.0",
            "endpoints": 1
          }, {
            "version": "1.0.0",
            "endpoints": 1
          }, {
            "version": "0.9.1",
            "endpoints": 1
          }],
          "behind": [{
            "endpointId": "ep-3",
            "hostname": "kiosk-hall",
            "version": "0.9.1",
            "source": "dpkg"
          }],
          "unmanaged": [{
            "endpointId": "ep-3",
            "hostname": "kiosk-hall",
            "version": "0.9.1",
            "source": "dpkg"
          }]
        }
        """);
  }

  @Test
  void compliance_releaseOfAnotherPackage_usageErrorNamingBoth() {
    Result result = admin.run("compliance", "libreoffice", "--release", "hello-convoy@1.1.0");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: --release: hello-convoy@1.1.0 is a release of 'hello-convoy', "
        + "not of PACKAGE 'libreoffice' (expected: libreoffice@VERSION)\n");
    assertThat(admin.connections).isEmpty();
  }

  @Test
  void compliance_malformedRelease_usageError() {
    Result result = admin.run("compliance", "libreoffice", "--release", "7.6.4");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--release").contains("'7.6.4' (expected: NAME@VERSION");
    assertThat(admin.connections).isEmpty();
  }

  @Test
  void compliance_missingPackage_usageError() {
    Result result = admin.run("compliance");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Missing required parameter: 'PACKAGE'");
  }

  @Test
  void compliance_blankPackage_usageError() {
    Result result = admin.run("compliance", " ");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: PACKAGE: empty (expected: a package name such as libreoffice)\n");
    assertThat(admin.connections).isEmpty();
  }

  @Test
  void compliance_serverRefusesTheName_errorExit1() {
    Result result = admin.run("compliance", "Hello Convoy");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).isEqualTo(
        "error: INVALID_ARGUMENT: package: 'Hello Convoy' (expected: [a-z0-9][a-z0-9+._-]*)\n");
    assertThat(result.out()).isEmpty();
  }
}
