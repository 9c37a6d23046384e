package dev.convoy.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.CampaignStatus;
import org.junit.jupiter.api.Test;

/** Golden renderings of a phased campaign: status with waves, one deployment's history, the report. */
class CampaignWaveViewsTest {
  @Test
  void render_phasedStatus_wavesAndDeploymentsWithServerFacts() {
    assertThat(CampaignStatusView.render(CampaignViewsFixtures.status())).isEqualTo("""
        Campaign c-7: Office
          release office@7.6.4   targets all except group:kiosks   state RUNNING
          push / phased / automatic   wave 2/3 broad SOAKING   next window 2027-04-03T00:00:00Z   notices pending 6
          [##################x-----------]  12/20 succeeded, 1 failed, 7 in progress (65% done)
          states  DEFERRED 1, SUCCEEDED 12, FAILED 1, RETRY_PENDING 1, QUEUED 6

          WAVE     STATE    SIZE  OK  FAILED  ACTIVE  PROGRESS                OK%   FAIL%  SOAK UNTIL            GATE
          1 pilot  PASSED   4     4   0       0       [####################]  100%  0%     -                     success 4/4 >= 90 %: met; errors 0/4 > 10 %: no
          2 broad  SOAKING  10    8   1       1       [################xx--]  80%   11%    2027-03-28T02:00:00Z  success 8/10 >= 80 %: met; errors 1/9 > 20 %: no
          3 rest   QUEUED   6     0   0       6       [--------------------]  0%    0%     -

        ENDPOINT  HOSTNAME  WAVE  STATE          ATTEMPT  DETAIL
        ep-1      pc-1      1     SUCCEEDED      1        installed
        ep-5      pc-5      2     FAILED         2        timed out installing after 30m (exit code 1603)
        ep-6      pc-6      2     DEFERRED       1        deferred until 2027-03-27T08:00:00Z
        ep-7      pc-7      2     RETRY_PENDING  1        another installation is in progress (exit code 1618), next attempt 2027-03-27T01:15:00Z
        """);
  }

  @Test
  void progressLine_phased_namesCurrentWave() {
    assertThat(CampaignStatusView.progressLine(CampaignViewsFixtures.status())).isEqualTo("c-7 RUNNING wave 2/3 broad"
        + " SOAKING [##################x-----------]  12/20 succeeded, 1 failed, 7 in progress (65% done)");
  }

  @Test
  void render_awaitingGo_saysHowToGiveIt() {
    CampaignStatus status = CampaignViewsFixtures.status();
    CampaignStatus waiting = status.toBuilder().setWaves(1, status.getWaves(1).toBuilder()
        .setState(dev.convoy.protocol.v1.WaveState.WAVE_AWAITING_GO)).build();

    assertThat(CampaignStatusView.render(waiting))
        .contains("  Wave 2 broad awaits your go: convoy campaign advance c-7\n");
  }

  @Test
  void deploymentView_history_stateChainWithTimes() {
    CampaignStatus status = CampaignViewsFixtures.status();

    assertThat(DeploymentView.render(status, CampaignViewsFixtures.deferred())).isEqualTo("""
        Campaign c-7: Office
          release office@7.6.4   action install   state RUNNING

        endpoint   ep-6
        hostname   pc-6
        wave       2 broad
        state      DEFERRED
        attempt    1
        exit code  0
        detail
        updated    2027-03-27T00:05:00Z
        notice     delivered 2027-03-24T09:00:00Z
        deferred   2 times, until 2027-03-27T08:00:00Z

        History:
          AT                    STATE       ATTEMPT  DETAIL
          2027-03-24T08:59:00Z  PENDING     1
          2027-03-24T08:59:30Z  OFFERED     1
          2027-03-24T09:00:00Z  NOTIFIED    1        notice shown
          2027-03-24T09:03:00Z  DOWNLOADED  1
          2027-03-27T00:05:00Z  DEFERRED    1        user: after my meeting

        No log excerpt.
        """);
  }

  @Test
  void deploymentView_retryAndTimeout_shown() {
    String text = DeploymentView.render(CampaignViewsFixtures.status(), CampaignViewsFixtures.retrying());
    String failed = DeploymentView.render(CampaignViewsFixtures.status(), CampaignViewsFixtures.failed());

    assertThat(text).contains("retry at   2027-03-27T01:15:00Z (attempt 2)\n");
    assertThat(failed).contains("timed out  yes\n");
  }

  @Test
  void report_render_mondayMorningSummary() {
    assertThat(CampaignReportView.render(CampaignViewsFixtures.report())).isEqualTo("""
        Campaign c-7: Office   report of 2027-03-29T07:00:00Z
          release office@7.6.4   action install   state PAUSED (wave 2 broad: errors 3/9 > 20 %)
          push / phased / automatic   targets all except group:kiosks

          endpoints      20: 12 succeeded (60%), 1 failed, 7 in progress, 0 cancelled
          states         DEFERRED 1, SUCCEEDED 12, FAILED 1, QUEUED 6
          notices        14 of 20 delivered
          deferred       3 endpoints deferred at least once
          retried        2 endpoints needed more than one attempt
          timed out      1
          started        2027-03-27T00:00:00Z
          first install  2027-03-27T00:03:12Z
          last finish    2027-03-27T01:40:00Z
          finished       -

          WAVE     STATE     SIZE  OK  FAILED  ACTIVE  PROGRESS                OK%   FAIL%  SOAK UNTIL            GATE
          1 pilot  PASSED    4     4   0       0       [####################]  100%  0%     -                     success 4/4 >= 90 %: met; errors 0/4 > 10 %: no
          2 broad  BREACHED  10    8   1       1       [################xx--]  80%   11%    2027-03-28T02:00:00Z  success 8/10 >= 80 %: met; errors 1/9 > 20 %: no
          3 rest   QUEUED    6     0   0       6       [--------------------]  0%    0%     -
          Wave 2 broad breached its error threshold: convoy campaign report c-7 lists the failures

        Failures (1)
          ENDPOINT  HOSTNAME  WAVE  STATE   ATTEMPT  SINCE                 REASON
          ep-5      pc-5      2     FAILED  2        2027-03-27T01:40:00Z  timed out installing after 30m (exit code 1603)

        Unfinished (1)
          ENDPOINT  HOSTNAME  WAVE  STATE     ATTEMPT  SINCE                 DETAIL
          ep-6      pc-6      2     DEFERRED  1        2027-03-27T00:05:00Z  deferred until 2027-03-27T08:00:00Z
        """);
  }

  @Test
  void report_csv_failedAndUnfinishedRecords() {
    assertThat(CampaignReportView.csv(CampaignViewsFixtures.report())).isEqualTo(
        "list,endpoint_id,hostname,wave,state,attempt,exit_code,timed_out,updated_at,detail\r\n"
        + "failed,ep-5,pc-5,2,FAILED,2,1603,true,2027-03-27T01:40:00Z,timed out installing after 30m\r\n"
        + "unfinished,ep-6,pc-6,2,DEFERRED,1,0,false,2027-03-27T00:05:00Z,\r\n");
  }
}
