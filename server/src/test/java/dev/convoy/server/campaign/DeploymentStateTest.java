package dev.convoy.server.campaign;

import static dev.convoy.server.campaign.DeploymentState.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DeploymentStateTest {
  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
      "PENDING, OFFERED, true",
      "OFFERED, NOTIFIED, true",
      "NOTIFIED, DEFERRED, true",
      "DEFERRED, AWAITING_WINDOW, true",
      "DEFERRED, DOWNLOADING, true",
      "DOWNLOADING, DOWNLOADING, true",
      "DOWNLOADING, DOWNLOADED, true",
      "DOWNLOADED, AWAITING_WINDOW, true",
      "AWAITING_WINDOW, INSTALLING, true",
      "AWAITING_TECHNICIAN, INSTALLING, true",
      "INSTALLING, VERIFYING, true",
      "VERIFYING, SUCCEEDED, true",
      "VERIFYING, ROLLED_BACK, true",
      "OFFERED, ALREADY_INSTALLED, true",
      "DOWNLOADING, FAILED_VERIFICATION, true",
      // gaps: a re-ordered report skipped the states in between
      "PENDING, DOWNLOADED, true",
      "OFFERED, SUCCEEDED, true",
      // backwards, sideways, out of terminal
      "DOWNLOADED, NOTIFIED, false",
      "INSTALLING, DOWNLOADING, false",
      "VERIFYING, INSTALLING, false",
      "DOWNLOADED, OFFERED, false",
      "INSTALLING, ALREADY_INSTALLED, true",
      "QUEUED, OFFERED, true",
      "RETRY_PENDING, OFFERED, true",
      "DEFERRED, NOTIFIED, false",
      "SUCCEEDED, SUCCEEDED, false",
      "SUCCEEDED, FAILED, false",
      "FAILED, OFFERED, false",
      "CANCELLED, INSTALLING, false",
      "OFFERED, PENDING, false",
  })
  void accepts_table(DeploymentState from, DeploymentState to, boolean accepted) {
    assertThat(from.accepts(to)).isEqualTo(accepted);
  }

  @Test
  void terminalStates_exactlyTheFinalOnes() {
    EnumSet<DeploymentState> terminal = EnumSet.noneOf(DeploymentState.class);
    for (DeploymentState state : values()) {
      if (state.isTerminal()) {
        terminal.add(state);
      }
    }
    assertThat(terminal).containsExactlyInAnyOrder(SUCCEEDED, FAILED, ROLLED_BACK, CANCELLED, ALREADY_INSTALLED,
        FAILED_VERIFICATION);
  }

  @Test
  void everyNonTerminalState_canReachATerminalOne() {
    for (DeploymentState state : values()) {
      if (!state.isTerminal()) {
        assertThat(EnumSet.allOf(DeploymentState.class).stream().anyMatch(t -> t.isTerminal() && state.accepts(t)))
            .as(state.name()).isTrue();
      }
    }
  }

  @Test
  void campaignStates_table() {
    assertThat(CampaignState.DRAFT.canMoveTo(CampaignState.RUNNING)).isTrue();
    assertThat(CampaignState.RUNNING.canMoveTo(CampaignState.COMPLETED)).isTrue();
    assertThat(CampaignState.RUNNING.canMoveTo(CampaignState.DRAFT)).isFalse();
    assertThat(CampaignState.COMPLETED.canMoveTo(CampaignState.RUNNING)).isFalse();
    assertThat(CampaignState.COMPLETED.isTerminal()).isTrue();
    assertThat(CampaignState.RUNNING.isTerminal()).isFalse();
  }
}
