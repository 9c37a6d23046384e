package dev.convoy.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.FakeGovernance;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.protocol.v1.VerifyAuditResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuditCommandsTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();
  private FakeGovernance governance;

  @BeforeEach
  void entries() {
    governance = admin.service().governance;
    governance.add("token.create", "tok-1", "group", "lab");
    governance.add("campaign.start", "cmp-0123456789abcdef", "state", "RUNNING");
    governance.add("campaign.pause", "cmp-0123456789abcdef", "comment", "user reports", "state", "PAUSED");
  }

  @Test
  void list_table_oneRowPerEntryWithShortActor() {
    Result result = admin.run("audit", "list");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("SEQ", "ACTOR", "campaign.pause", "comment=user reports state=PAUSED")
        .contains("3 entries");
    assertThat(result.out().lines().filter(l -> l.contains("admin")).count()).isEqualTo(3);
  }

  @Test
  void list_campaignAndCsv_filtersOnServerAndKeepsHashes() {
    Result result = admin.run("audit", "list", "--campaign", "cmp-0123456789abcdef", "--output", "csv");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().lines().toList()).hasSize(3).first().asString()
        .isEqualTo("sequence,time,actor,action,target,details,previous_hash,hash");
    assertThat(result.out()).doesNotContain("token.create").contains(String.format("%064x", 3));
    assertThat(governance.listRequests.get(0).getCampaignId()).isEqualTo("cmp-0123456789abcdef");
  }

  @Test
  void list_since_sentAsTimestamp() {
    Result result = admin.run("audit", "list", "--since", "2026-11-01", "-o", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(governance.listRequests.get(0).getSince().getSeconds()).isEqualTo(1_793_491_200L);
    assertThat(admin.run("audit", "list", "--since", "yesterday").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void export_manyPages_oneJsonLinePerEntryInOrder() {
    for (int i = 0; i < 1500; i++) {
      governance.add("group.create", "g" + i);
    }

    Result result = admin.run("audit", "export");

    assertThat(result.exitCode()).as(result.err()).isZero();
    var lines = result.out().lines().toList();
    assertThat(lines).hasSize(1503);
    assertThat(lines.get(0)).startsWith("{\"sequence\":\"1\"").contains("\"action\":\"token.create\"");
    assertThat(lines.get(1502)).contains("\"sequence\":\"1503\"");
    assertThat(governance.listRequests).hasSize(2);
  }

  @Test
  void verify_intact_exitZero() {
    governance.verification = VerifyAuditResponse.newBuilder().setOk(true).setEntriesChecked(3)
        .setHeadSequence(3).setHeadHash("ab").build();

    Result result = admin.run("audit", "verify");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("Audit log intact: 3 entries, head 3 ab\n");
  }

  @Test
  void verify_broken_exitOneNamingTheFirstBadEntry() {
    governance.verification = VerifyAuditResponse.newBuilder().setOk(false).setEntriesChecked(1)
        .setFirstBadSequence(2).setReason("hash mismatch").build();

    Result result = admin.run("audit", "verify");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).contains("audit log broken at entry 2: hash mismatch");
  }
}
