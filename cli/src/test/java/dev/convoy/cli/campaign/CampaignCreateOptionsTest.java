package dev.convoy.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.DeferralPolicy;
import dev.convoy.protocol.v1.Delivery;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.ErrorAction;
import dev.convoy.protocol.v1.Execution;
import dev.convoy.protocol.v1.MaintenanceWindow;
import dev.convoy.protocol.v1.NoticeSpec;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.RetryPolicy;
import dev.convoy.protocol.v1.Rollout;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.protocol.v1.Threshold;
import dev.convoy.protocol.v1.Timeouts;
import dev.convoy.protocol.v1.WaveSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** campaign create with the issue 4 options, against the in-process AdminService double. */
class CampaignCreateOptionsTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @TempDir
  Path dir;

  @BeforeEach
  void catalogue() {
    admin.service().releases.put("office@7.6.4", Release.newBuilder().setName("office").setVersion("7.6.4").build());
    admin.workingDirectory = dir;
  }

  private Result create(String... options) {
    List<String> args = new ArrayList<>(List.of("campaign", "create", "office@7.6.4"));
    args.addAll(List.of(options));
    return admin.run(args.toArray(String[]::new));
  }

  private CreateCampaignRequest sent(Result result) {
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(admin.service().campaignRequests).hasSize(1);
    return admin.service().campaignRequests.get(0);
  }

  private static Duration hours(long hours) {
    return Duration.newBuilder().setSeconds(hours * 3600).build();
  }

  @Test
  void create_positionalReleaseOnly_defaultsLeftUnsetForTheServer() {
    CreateCampaignRequest request = sent(create("--target", "group:lab"));

    assertThat(request).isEqualTo(CreateCampaignRequest.newBuilder().setReleaseName("office")
        .setReleaseVersion("7.6.4").setTargets(Targets.newBuilder().addGroups("lab"))
        .setAction(DeploymentAction.INSTALL).build());
  }

  @Test
  void create_everyOption_sentAsGiven() {
    CreateCampaignRequest request = sent(create("--targets", "all", "--exclude-group", "kiosks",
        "--exclude-group", "labs,servers", "--exclude-endpoint", "ep-9", "--title", "Office 7.6.4",
        "--delivery", "pull", "--rollout", "phased", "--execution", "technician",
        "--start-at", "2027-03-27T00:00", "--zone", "Europe/Paris", "--deadline", "2027-04-10T18:00:00+02:00",
        "--window", "rrule=FREQ=WEEKLY;BYDAY=SA;BYHOUR=0,duration=47h59m,zone=endpoint",
        "--window", "cron=0 22 * * MON-FRI,duration=6h,zone=Europe/Paris",
        "--notice-title", "Mise à jour d'Office", "--notice-message", "Votre poste sera mis à jour ce week-end. 🙂",
        "--notice-lead", "72h", "--defer-max-count", "3", "--defer-max-total", "8h",
        "--wave", "name=pilot,groups=site-a+site-b,success=90%,error=2,min-sample=3,soak=2h,go",
        "--wave", "percent=25", "--on-error", "abort",
        "--timeout-downloading", "2h", "--timeout-installing", "30m", "--timeout-technician", "3d",
        "--timeout-unresponsive", "PT72H", "--retry-max", "2", "--retry-backoff", "15m",
        "--retry-exit-codes", "75,1618", "--retry-exit-codes", "-1", "--no-prestage", "--allow-downgrade"));

    assertThat(request).isEqualTo(CreateCampaignRequest.newBuilder().setReleaseName("office")
        .setReleaseVersion("7.6.4").setTitle("Office 7.6.4")
        .setTargets(Targets.newBuilder().setAll(true).addExcludeGroups("kiosks").addExcludeGroups("labs")
            .addExcludeGroups("servers").addExcludeEndpointIds("ep-9"))
        .setAction(DeploymentAction.INSTALL).setAllowDowngrade(true)
        .setDelivery(Delivery.PULL).setRollout(Rollout.PHASED).setExecution(Execution.TECHNICIAN)
        .setStartAt(Timestamp.newBuilder().setSeconds(1806102000L)) // 2027-03-26T23:00:00Z
        .setDeadline(Timestamp.newBuilder().setSeconds(1807372800L)) // 2027-04-10T16:00:00Z
        .addWindows(MaintenanceWindow.newBuilder().setRrule("FREQ=WEEKLY;BYDAY=SA;BYHOUR=0")
            .setDuration(Duration.newBuilder().setSeconds(47 * 3600 + 59 * 60)).setZone("endpoint"))
        .addWindows(MaintenanceWindow.newBuilder().setCron("0 22 * * MON-FRI").setDuration(hours(6))
            .setZone("Europe/Paris"))
        .setNotice(NoticeSpec.newBuilder().setTitle("Mise à jour d'Office")
            .setMessage("Votre poste sera mis à jour ce week-end. 🙂").setLeadTime(hours(72)))
        .setDeferral(DeferralPolicy.newBuilder().setMaxCount(3).setMaxTotal(hours(8)))
        .addWaves(WaveSpec.newBuilder().setName("pilot").addGroups("site-a").addGroups("site-b")
            .setSuccess(Threshold.newBuilder().setPercent(90)).setError(Threshold.newBuilder().setCount(2))
            .setMinSample(3).setSoak(hours(2)).setRequireGo(true))
        .addWaves(WaveSpec.newBuilder().setPercent(25))
        .setOnError(ErrorAction.ABORT)
        .setTimeouts(Timeouts.newBuilder().setDownloading(hours(2))
            .setInstalling(Duration.newBuilder().setSeconds(1800)).setAwaitingTechnician(hours(72))
            .setUnresponsive(hours(72)))
        .setRetry(RetryPolicy.newBuilder().setMaxAttempts(3).setBackoff(Duration.newBuilder().setSeconds(900))
            .addRetryableExitCodes(75).addRetryableExitCodes(1618).addRetryableExitCodes(-1))
        .setNoPrestage(true).build());
  }

  @Test
  void create_weekendPreset_onlyThePresetSent() {
    Result result = create("--targets", "group:office", "--preset", "weekend");

    CreateCampaignRequest request = sent(result);
    assertThat(request.getPreset()).isEqualTo("weekend");
    assertThat(request.hasNotice()).isFalse();
    assertThat(request.getWindowsList()).isEmpty();
    assertThat(result.out()).contains("preset    weekend\n");
  }

  @Test
  void create_phasedPilot_showsWavesInTheirOwnSyntax() {
    Result result = create("--targets", "group:office", "--rollout", "phased",
        "--wave", "name=pilot,groups=pilot,success=95%,soak=24h,go", "--wave", "name=rest,percent=100",
        "--window", "rrule=FREQ=WEEKLY;BYDAY=SA;BYHOUR=0;BYMINUTE=0,duration=47h59m", "--notice-lead", "72h",
        "--retry-max", "1", "--retry-backoff", "30m");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("mode      - / phased / -\n")
        .contains("window    rrule=FREQ=WEEKLY;BYDAY=SA;BYHOUR=0;BYMINUTE=0,duration=47h59m,zone=endpoint\n")
        .contains("lead      72h\n")
        .contains("wave 1    name=pilot,groups=pilot,success=95%,soak=24h,go\n")
        .contains("wave 2    name=rest,percent=100\n")
        .contains("retry     up to 1 retry, backoff 30m doubling\n");
    assertThat(result.err()).isEqualTo("Start it with: convoy campaign start c-1\n");
  }

  @Test
  void create_noticeFile_utf8TextWithoutBom() throws Exception {
    Files.writeString(dir.resolve("notice.txt"), "\uFEFFこんにちは\nDeuxième ligne\n", StandardCharsets.UTF_8);

    CreateCampaignRequest request = sent(create("--targets", "all", "--notice-file", "notice.txt"));

    assertThat(request.getNotice().getMessage()).isEqualTo("こんにちは\nDeuxième ligne\n");
    assertThat(request.getNotice().hasLeadTime()).isFalse();
  }

  @Test
  void create_releaseAsOption_stillAccepted() {
    assertThat(sent(admin.run("campaign", "create", "--release", "office@7.6.4", "--targets", "all"))
        .getReleaseName()).isEqualTo("office");
  }

  @Test
  void help_percentSignsInSyntax_formattedWithoutPicocliWarnings() {
    // picocli formats help lines with String.format: an unescaped % makes it warn on System.err and print the
    // line raw, so the warning is what shows the mistake.
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    java.io.PrintStream err = System.err;
    System.setErr(new java.io.PrintStream(warnings, true, StandardCharsets.UTF_8));
    Result create;
    Result status;
    try {
      create = admin.run("campaign", "create", "--help");
      status = admin.run("campaign", "status", "--help");
    } finally {
      System.setErr(err);
    }

    assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    assertThat(create.out()).contains("success=90%|9", "P % of the rest", "success=95%,soak=24h").doesNotContain("%%");
    assertThat(status.out()).contains("OK% of the wave's size").doesNotContain("%%");
  }
}
