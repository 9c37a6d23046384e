package dev.convoy.agent.deployment;

import static dev.convoy.agent.deployment.DeploymentState.ALREADY_INSTALLED;
import static dev.convoy.agent.deployment.DeploymentState.AWAITING_TECHNICIAN;
import static dev.convoy.agent.deployment.DeploymentState.AWAITING_WINDOW;
import static dev.convoy.agent.deployment.DeploymentState.CANCELLED;
import static dev.convoy.agent.deployment.DeploymentState.DEFERRED;
import static dev.convoy.agent.deployment.DeploymentState.NOTIFIED;
import static dev.convoy.agent.deployment.DeploymentState.DOWNLOADED;
import static dev.convoy.agent.deployment.DeploymentState.DOWNLOADING;
import static dev.convoy.agent.deployment.DeploymentState.FAILED;
import static dev.convoy.agent.deployment.DeploymentState.FAILED_VERIFICATION;
import static dev.convoy.agent.deployment.DeploymentState.INSTALLING;
import static dev.convoy.agent.deployment.DeploymentState.OFFERED;
import static dev.convoy.agent.deployment.DeploymentState.ROLLED_BACK;
import static dev.convoy.agent.deployment.DeploymentState.SUCCEEDED;
import static dev.convoy.agent.deployment.DeploymentState.VERIFYING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransitionsTest {
  @Test
  void allowed_everyChainTheAgentWalks_isInTheTable() {
    List<List<DeploymentState>> chains = List.of(
        List.of(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING, VERIFYING, SUCCEEDED),
        List.of(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, AWAITING_WINDOW, INSTALLING, VERIFYING, SUCCEEDED),
        List.of(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, AWAITING_TECHNICIAN, INSTALLING, SUCCEEDED),
        List.of(OFFERED, NOTIFIED, DEFERRED, DEFERRED, DOWNLOADING, DOWNLOADED, INSTALLING),
        List.of(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, DEFERRED, AWAITING_WINDOW, DEFERRED, INSTALLING),
        List.of(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING, FAILED),
        List.of(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING, ROLLED_BACK),
        List.of(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING, VERIFYING, ROLLED_BACK),
        List.of(OFFERED, NOTIFIED, DOWNLOADING, FAILED_VERIFICATION),
        List.of(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, FAILED_VERIFICATION),
        List.of(OFFERED, ALREADY_INSTALLED),
        List.of(OFFERED, FAILED_VERIFICATION), // not a signed release: refused before anything is downloaded
        List.of(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING, ALREADY_INSTALLED),
        List.of(OFFERED, NOTIFIED, INSTALLING, SUCCEEDED),
        List.of(OFFERED, NOTIFIED, AWAITING_WINDOW, INSTALLING, SUCCEEDED),
        List.of(OFFERED, NOTIFIED, DOWNLOADING, CANCELLED),
        List.of(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, AWAITING_WINDOW, CANCELLED),
        List.of(OFFERED, FAILED));
    for (List<DeploymentState> chain : chains) {
      for (int i = 1; i < chain.size(); i++) {
        assertThat(Transitions.allowed(chain.get(i - 1), chain.get(i))).as("%s", chain).isTrue();
      }
    }
  }

  @Test
  void allowed_skipsAndBackwardMoves_areNot() {
    assertThat(Transitions.allowed(OFFERED, DOWNLOADED)).isFalse();
    assertThat(Transitions.allowed(OFFERED, SUCCEEDED)).isFalse();
    assertThat(Transitions.allowed(DOWNLOADING, INSTALLING)).isFalse();
    assertThat(Transitions.allowed(DOWNLOADED, DOWNLOADING)).isFalse();
    assertThat(Transitions.allowed(VERIFYING, INSTALLING)).isFalse();
    assertThat(Transitions.allowed(INSTALLING, FAILED_VERIFICATION)).isFalse();
    assertThat(Transitions.allowed(DOWNLOADING, DOWNLOADING)).isFalse();
    assertThat(Transitions.allowed(OFFERED, DOWNLOADING)).as("the notice comes first").isFalse();
    assertThat(Transitions.allowed(NOTIFIED, DOWNLOADED)).isFalse();
    assertThat(Transitions.allowed(DOWNLOADING, DEFERRED)).isFalse();
    assertThat(Transitions.allowed(AWAITING_TECHNICIAN, DEFERRED)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = DeploymentState.class, names = {"INSTALLING", "VERIFYING"})
  void allowed_afterThePermit_nothingCancelsLocally(DeploymentState state) {
    assertThat(Transitions.allowed(state, CANCELLED)).isFalse();
    assertThat(Transitions.beforeInstalling(state)).isFalse();
    assertThat(Transitions.deferrable(state)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = DeploymentState.class, names = {"NOTIFIED", "DOWNLOADED", "AWAITING_WINDOW", "DEFERRED"})
  void deferrable_statesOfIssue4_are(DeploymentState state) {
    assertThat(Transitions.deferrable(state)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = DeploymentState.class, names = {"SUCCEEDED", "FAILED", "ROLLED_BACK", "CANCELLED",
      "ALREADY_INSTALLED", "FAILED_VERIFICATION"})
  void next_terminalState_hasNoWayOut(DeploymentState terminal) {
    assertThat(terminal.terminal()).isTrue();
    assertThat(Transitions.next(terminal)).isEmpty();
  }

  @Test
  void require_forbiddenMove_namesTheAllowedOnes() {
    assertThatThrownBy(() -> Transitions.require(DOWNLOADING, SUCCEEDED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("deployment transition DOWNLOADING -> SUCCEEDED (expected one of: ")
        .hasMessageContaining("DOWNLOADED");
  }
}
