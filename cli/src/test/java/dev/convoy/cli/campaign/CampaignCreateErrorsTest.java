package dev.convoy.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.protocol.v1.Release;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed campaign create option: a usage error naming it and what was expected, exit 2, nothing sent. */
class CampaignCreateErrorsTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @TempDir
  Path dir;

  @BeforeEach
  void catalogue() {
    admin.service().releases.put("office@7.6.4", Release.newBuilder().setName("office").setVersion("7.6.4").build());
    admin.workingDirectory = dir;
  }

  private Result refused(String... args) {
    List<String> all = new ArrayList<>(List.of("campaign", "create"));
    all.addAll(List.of(args));
    Result result = admin.run(all.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(admin.service().campaignRequests).isEmpty();
    assertThat(admin.connections).as("no channel opened").isEmpty();
    assertThat(result.err()).startsWith("error: ").contains("Try 'convoy campaign create --help'");
    return result;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "--delivery | sideways | Invalid value for option '--delivery': 'sideways' (expected: push or pull)",
      "--rollout | big_bang_theory | '--rollout': 'big_bang_theory' (expected: big-bang or phased)",
      "--execution | manual | '--execution': 'manual' (expected: automatic or technician)",
      "--on-error | retry | '--on-error': 'retry' (expected: pause or abort)",
      "--notice-lead | 3 days | '--notice-lead': '3 days' (expected: a duration such as 90s",
      "--defer-max-total | -8h | '--defer-max-total': '-8h' (expected: a duration",
      "--timeout-downloading | 2hours | '--timeout-downloading': '2hours'",
      "--timeout-installing | PT | '--timeout-installing': 'PT'",
      "--timeout-technician | x | '--timeout-technician': 'x'",
      "--timeout-unresponsive | 1.5h | '--timeout-unresponsive': '1.5h'",
      "--retry-backoff | soon | '--retry-backoff': 'soon'",
      "--retry-exit-codes | 75,x | '--retry-exit-codes' (CODES): 'x' (expected: whole exit codes separated by commas",
      "--retry-max | two | '--retry-max': 'two' is not an int",
      "--defer-max-count | many | '--defer-max-count': 'many' is not an int",
      "--window | cron=0 0 * * SAT | '--window' (SPEC): 'cron=0 0 * * SAT': duration= is missing (expected: rrule=RULE",
      "--window | rrule=FREQ=WEEKLY;BYDAY=SA,duration=1h,zone=Paris | zone: 'Paris' (expected: endpoint, or an IANA",
      "--wave | groups=a,percent=5 | '--wave' (SPEC): 'groups=a,percent=5': give exactly one of groups= and percent=",
      "--wave | percent=5,success=1000% | success: '1000%'",
      "--start-at | tomorrow | --start-at: 'tomorrow' (expected: an ISO-8601 instant with offset or Z",
      "--start-at | 2027-03-27T00:00 | --start-at: '2027-03-27T00:00' has no offset and no --zone was given",
      "--zone | Europe/Nowhere | --zone: 'Europe/Nowhere' (expected: an IANA zone id such as Europe/Paris, or UTC)",
      "--preset | holiday | --preset: 'holiday' (expected: one of weekend)",
      "--defer-max-count | -1 | --defer-max-count: -1 (expected: >= 0)",
      "--retry-max | -1 | --retry-max: -1 (expected: >= 0 retries)",
      "--exclude-endpoint | \"\" | --exclude-endpoint: an empty name (expected: a name",
      "--notice-file | missing.txt | --notice-file: cannot read"})
  void create_malformedOption_usageErrorNamingIt(String option, String value, String message) {
    Result result = refused("office@7.6.4", "--targets", "all", option, value);

    assertThat(result.err()).contains(message);
  }

  @Test
  void create_noRelease_saysExpectedForm() {
    assertThat(refused("--targets", "all").err()).contains("error: no release (expected: NAME@VERSION");
  }

  @Test
  void create_releaseTwice_saysOneOfThem() {
    assertThat(refused("office@7.6.4", "--release", "office@7.6.4", "--targets", "all").err())
        .contains("release given twice");
  }

  @Test
  void create_malformedRelease_namesExpectedForm() {
    assertThat(refused("office", "--targets", "all").err()).contains("'office' (expected: NAME@VERSION");
  }

  @Test
  void create_noTargets_required() {
    assertThat(refused("office@7.6.4").err()).contains("Missing required option: '--targets=TARGETS'");
  }

  @Test
  void create_phasedWithoutWaves_refused() {
    assertThat(refused("office@7.6.4", "--targets", "all", "--rollout", "phased").err())
        .contains("--rollout phased without --wave (expected: at least one --wave SPEC");
  }

  @Test
  void create_twoWavesWithoutPhased_refused() {
    assertThat(refused("office@7.6.4", "--targets", "all", "--wave", "percent=10", "--wave", "percent=100").err())
        .contains("--wave given 2 times for a big-bang (default) rollout (expected: --rollout phased, or a single"
            + " --wave)");
  }

  @Test
  void create_deadlineBeforeStart_refused() {
    assertThat(refused("office@7.6.4", "--targets", "all", "--delivery", "pull", "--start-at", "2027-04-10",
        "--deadline", "2027-04-01", "--zone", "UTC").err())
        .contains("--deadline 2027-04-01T00:00:00Z is not after --start-at 2027-04-10T00:00:00Z");
  }

  @Test
  void create_messageAndFile_refused() {
    assertThat(refused("office@7.6.4", "--targets", "all", "--notice-message", "hi", "--notice-file", "x").err())
        .contains("--notice-message and --notice-file together (expected: one of them)");
  }

  @Test
  void create_noticeFileNotUtf8_refused() throws Exception {
    Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});

    assertThat(refused("office@7.6.4", "--targets", "all", "--notice-file", "latin1.txt").err())
        .contains("--notice-file: " + dir.resolve("latin1.txt") + " is not valid UTF-8 (expected: a UTF-8 text file)");
  }

  @Test
  void create_groupTargetedAndExcluded_refused() {
    assertThat(refused("office@7.6.4", "--targets", "group:lab", "--exclude-group", "lab").err())
        .contains("--exclude-group: a group both targeted and excluded");
  }

  @Test
  void create_badTargets_namesOption() {
    assertThat(refused("office@7.6.4", "--targets", "lab").err()).contains("--targets: 'lab' in 'lab' (expected:");
  }
}
