package dev.convoy.installers.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.installers.StepResult;
import dev.convoy.installers.script.ExitCodePolicy.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitCodePolicyTest {
  private static final ExitCodePolicy DECLARED = ExitCodePolicy.from(Map.of("success_codes", "0, 2",
      "reboot_codes", "3010,1641", "retryable_codes", "75"));

  @ParameterizedTest(name = "exit {0} -> {1}")
  @CsvSource({"0, SUCCESS", "2, SUCCESS", "194, REBOOT_REQUIRED", "105, REBOOT_REQUIRED", "75, RETRYABLE",
      "1, FAILURE", "255, FAILURE"})
  void classify_declaredCodes_mapped(int status, Outcome expected) {
    assertThat(DECLARED.classify(status)).isEqualTo(expected);
  }

  @Test
  void from_noParameters_successOnZeroOnly() {
    ExitCodePolicy policy = ExitCodePolicy.from(Map.of());

    assertThat(policy).isEqualTo(ExitCodePolicy.defaults());
    assertThat(policy.classify(0)).isEqualTo(Outcome.SUCCESS);
    assertThat(policy.classify(3010 & 0xff)).isEqualTo(Outcome.FAILURE);
  }

  @Test
  void toStepResult_eachOutcome_messageAndExitCode() {
    assertThat(DECLARED.toStepResult("x.sh", ProcessOutcome.exited(2, "", false)))
        .isEqualTo(new StepResult(true, 2, "x.sh exited 2"));
    assertThat(DECLARED.toStepResult("x.sh", ProcessOutcome.exited(194, "", false)))
        .isEqualTo(new StepResult(true, 194, "x.sh exited 194 (declared as 3010): reboot required"));
    assertThat(DECLARED.toStepResult("x.sh", ProcessOutcome.exited(75, "busy\n", false)))
        .isEqualTo(StepResult.retryableFailure(75, "x.sh exited 75 (retryable); last output: busy"));
    assertThat(DECLARED.toStepResult("x.sh", ProcessOutcome.exited(9, "a\nb\n", false)))
        .isEqualTo(StepResult.failure(9, "x.sh exited 9 (expected: one of [0, 2] or reboot [1641, 3010]);"
            + " last output: a | b"));
    assertThat(DECLARED.toStepResult("x.sh", ProcessOutcome.timedOut("", false, "timed out after PT1S")))
        .isEqualTo(StepResult.failure(-1, "x.sh timed out after PT1S"));
  }

  @Test
  void from_sameStatusInTwoLists_refused() {
    assertThatThrownBy(() -> ExitCodePolicy.from(Map.of("success_codes", "0,194", "reboot_codes", "3010")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reboot_codes: 3010 (expected: not also in success_codes 194; exit statuses are 8 bits, so both"
            + " arrive as 194)");
  }

  @Test
  void from_negativeCode_refusedNamingTheParameter() {
    assertThatThrownBy(() -> ExitCodePolicy.from(Map.of("retryable_codes", "-1")))
        .hasMessage("parameter retryable_codes: '-1' (expected: comma-separated exit codes >= 0, e.g. 0,3010)");
  }

  @Test
  void from_emptyList_meansNone() {
    ExitCodePolicy policy = ExitCodePolicy.from(Map.of("success_codes", " "));

    assertThat(policy.classify(0)).isEqualTo(Outcome.FAILURE);
  }
}
