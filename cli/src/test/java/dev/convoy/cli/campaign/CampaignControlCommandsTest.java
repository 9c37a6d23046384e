package dev.convoy.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.FakeCampaignControl.Command;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignCommandRequest;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.RollbackWaveRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** pause, resume, abort, cancel, advance, rollback and report against the in-process AdminService double. */
class CampaignControlCommandsTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @BeforeEach
  void runningPhasedCampaign() {
    Campaign campaign = CampaignViewsFixtures.campaign();
    admin.service().campaigns.put(campaign.getCampaignId(), campaign);
    admin.service().watchScript = c -> List.of(CampaignViewsFixtures.status().toBuilder().setCampaign(c).build());
  }

  private void state(CampaignState state) {
    admin.service().campaigns.computeIfPresent("c-7", (id, c) -> c.toBuilder().setState(state).build());
  }

  @ParameterizedTest
  @CsvSource({"pause, RUNNING, PAUSED, Paused. Resume it with: convoy campaign resume c-7",
      "resume, PAUSED, RUNNING, Follow it with: convoy campaign status c-7 --watch",
      "abort, PAUSED, ABORTED, Aborted. What happened: convoy campaign report c-7",
      "cancel, RUNNING, CANCELLED_CAMPAIGN, Cancelled. What happened: convoy campaign report c-7"})
  void control_applies_sendsCommentShowsStateAndNextStep(String command, CampaignState from, CampaignState to,
      String next) {
    state(from);

    Result result = admin.run("campaign", command, "c-7", "--comment", "Patch-Tuesday: wait for KB5031");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(admin.service().control.commands).containsExactly(new Command(command, CampaignCommandRequest
        .newBuilder().setCampaignId("c-7").setComment("Patch-Tuesday: wait for KB5031").build()));
    assertThat(result.out()).contains("state     " + to + " (Patch-Tuesday: wait for KB5031)\n");
    assertThat(result.err()).isEqualTo(next + "\n");
  }

  @Test
  void advance_phased_opensNextWaveAndSaysWhichIsCurrent() {
    Result result = admin.run("campaign", "advance", "c-7");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(admin.service().control.commands.get(0).request().getComment()).isEmpty();
    assertThat(result.err()).startsWith("Current wave: 3 of 3.");
  }

  @Test
  void control_wrongState_serverRefusalExit1() {
    state(CampaignState.COMPLETED);

    Result result = admin.run("campaign", "resume", "c-7");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).startsWith("error: FAILED_PRECONDITION: campaign c-7 is COMPLETED");
  }

  @Test
  void control_json_campaignDocument() {
    Result result = admin.run("campaign", "pause", "c-7", "-o", "json");

    assertThat(result.out()).startsWith("{\n  \"campaignId\": \"c-7\"").contains("\"state\": \"PAUSED\"");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void control_csv_refusedBeforeSending() {
    Result result = admin.run("campaign", "abort", "c-7", "-o", "csv");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(admin.service().control.commands).isEmpty();
  }

  @Test
  void rollback_waveNumberFromOne_sentZeroBased() {
    Result result = admin.run("campaign", "rollback", "c-7", "--wave", "2");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(admin.service().control.rollbacks).containsExactly(RollbackWaveRequest.newBuilder()
        .setCampaignId("c-7").setWave(1).build());
    assertThat(result.out()).contains("action    uninstall\n").contains("rollback  of c-7 wave 2\n");
    assertThat(result.err()).startsWith("Rolling back wave 2 of c-7. Follow it with: convoy campaign status c-");
  }

  @Test
  void rollback_waveNameAndToVersion_lookedUpAndSent() {
    Result result = admin.run("campaign", "rollback", "c-7", "--wave", "pilot", "--to-version", "7.6.3");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(admin.service().control.rollbacks).containsExactly(RollbackWaveRequest.newBuilder()
        .setCampaignId("c-7").setWave(0).setToVersion("7.6.3").build());
    assertThat(result.out()).contains("release   office@7.6.3\n").contains("action    install (downgrade allowed)\n");
  }

  @Test
  void rollback_waveZero_usageErrorNothingSent() {
    Result result = admin.run("campaign", "rollback", "c-7", "--wave", "0");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--wave: 0 (expected: a wave number from 1, as campaign status shows it");
    assertThat(admin.connections).isEmpty();
  }

  @Test
  void rollback_unknownWaveName_exit1ListsTheNames() {
    Result result = admin.run("campaign", "rollback", "c-7", "--wave", "canary");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).contains("campaign c-7 has no wave named 'canary' (expected: one of [pilot, broad,"
        + " rest], or a number from 1)");
    assertThat(admin.service().control.rollbacks).isEmpty();
  }

  @Test
  void rollback_waveMissing_usageError() {
    assertThat(admin.run("campaign", "rollback", "c-7").err()).contains("Missing required option: '--wave=N|NAME'");
  }

  @Test
  void report_formats_tableJsonCsv() {
    admin.service().control.reportScript = c -> CampaignViewsFixtures.report();

    Result table = admin.run("campaign", "report", "c-7");
    Result json = admin.run("campaign", "report", "c-7", "--output", "json");
    Result csv = admin.run("campaign", "report", "c-7", "--output", "csv");

    assertThat(table.out()).isEqualTo(CampaignReportView.render(CampaignViewsFixtures.report()));
    assertThat(json.out()).contains("\"noticesDelivered\": 14", "\"timedOut\": 1", "\"failures\": [");
    assertThat(csv.out()).isEqualTo(CampaignReportView.csv(CampaignViewsFixtures.report()));
  }

  @Test
  void report_unknownCampaign_exit1() {
    Result result = admin.run("campaign", "report", "c-404");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).isEqualTo("error: NOT_FOUND: campaign c-404 not found\n");
  }

  @Test
  void statusWatch_lines_oneLinePerChangeOnly() {
    var status = CampaignViewsFixtures.status();
    admin.service().watchScript = c -> List.of(status, status, status.toBuilder().setCampaign(status.getCampaign()
        .toBuilder().setState(CampaignState.COMPLETED)).build());

    Result result = admin.run("campaign", "status", "c-7", "--watch");

    assertThat(result.out().lines().filter(l -> l.startsWith("c-7 ")).toList()).containsExactly(
        CampaignStatusView.progressLine(status), CampaignStatusView.progressLine(status).replace("RUNNING",
            "COMPLETED"));
  }

  @Test
  void statusEndpoint_history_shownThroughTheCommand() {
    Result result = admin.run("campaign", "status", "c-7", "--endpoint", "ep-6");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("History:\n").contains("DEFERRED    1        user: after my meeting\n");
  }
}
