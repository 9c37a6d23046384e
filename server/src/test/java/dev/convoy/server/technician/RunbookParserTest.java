package dev.convoy.server.technician;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunbookParserTest {
  @Test
  void parse_headings_stepsWithBodiesAndMarkedInstallStep() {
    Runbook runbook = RunbookParser.parse("# Title\nIntro text.\n## Back up\nCopy ~/Documents.\n"
        + "## Run the installer [install]\nWatch it.\n## Verify\n");
    assertThat(runbook.steps()).extracting(Runbook.Step::title)
        .containsExactly("Back up", "Run the installer", "Verify");
    assertThat(runbook.steps().get(0).body()).isEqualTo("Copy ~/Documents.");
    assertThat(runbook.installStep()).isEqualTo(1);
  }

  @Test
  void parse_orderedList_installTitledStepByDefault() {
    Runbook runbook = RunbookParser.parse("1. Close the mail client\n   it locks files\n2) Install the release\n"
        + "3. Check the icon\n");
    assertThat(runbook.steps()).extracting(Runbook.Step::title)
        .containsExactly("Close the mail client", "Install the release", "Check the icon");
    assertThat(runbook.steps().get(0).body()).isEqualTo("it locks files");
    assertThat(runbook.installStep()).isEqualTo(1);
  }

  @Test
  void parse_noInstallStep_installAfterWalk() {
    Runbook runbook = RunbookParser.parse("1. Check\n2. Reboot\n");
    assertThat(runbook.installStep()).isEqualTo(-1);
    TechnicianJob job = TechnicianJob.unclaimed("dep-1", java.time.Instant.EPOCH)
        .started("t", java.time.Instant.EPOCH, runbook, "");
    assertThat(job.walkReachedInstall()).isFalse();
    job = job.walked(0, TechnicianJob.StepOutcome.DONE, "", "t", java.time.Instant.EPOCH)
        .walked(1, TechnicianJob.StepOutcome.SKIPPED, "", "t", java.time.Instant.EPOCH);
    assertThat(job.walkReachedInstall()).isTrue();
  }

  @Test
  void parse_blankOrProse_noSteps() {
    assertThat(RunbookParser.parse("  ").empty()).isTrue();
    assertThat(RunbookParser.parse("Just call the vendor.").empty()).isTrue();
  }

  @Test
  void presenceCode_typedForgivingly_matchesOnlyItsJobAndTechnician() {
    String code = new PresenceCodes().generate();
    String hash = PresenceCodes.hash(code, "code-1", "dep-1", "tina");
    String typed = code.toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l');
    assertThat(PresenceCodes.matches(typed, hash, "code-1", "dep-1", "tina")).isTrue();
    assertThat(PresenceCodes.matches(code, hash, "code-1", "dep-2", "tina")).isFalse();
    assertThat(PresenceCodes.matches(code, hash, "code-1", "dep-1", "tom")).isFalse();
  }
}
