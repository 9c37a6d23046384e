package dev.convoy.server.campaign;

import static dev.convoy.server.testing.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.release.PackageConstraint;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.testing.MutableClock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dependencies, conflicts and OS requirements checked when a campaign is created (real RocksDB, signed releases). */
class ReleaseRequirementsTest {
  static final String A = "ep-000000000000000a";
  static final String B = "ep-000000000000000b";
  static final String C = "ep-000000000000000c";
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock();
  private CampaignFixture f;

  @BeforeEach
  void open() throws Exception {
    f = new CampaignFixture(dir, clock);
    f.endpoint(A, "lab");
    f.endpoint(B, "lab");
    f.endpoint(C, "office");
    f.signedRelease("fonts", "2.1.0", b -> { });
    f.signedRelease("office", "7.6.4", b -> b.dependency("fonts", ">=2.0.0 <3.0.0"));
  }

  @AfterEach
  void close() {
    f.close();
  }

  private static NewCampaign install(String name, String version, String group) {
    return new NewCampaign(name, version, new Targets(false, List.of(group), List.of()), "", Delivery.PUSH,
        Rollout.BIG_BANG, Execution.AUTOMATIC, "admin");
  }

  @Test
  void catalogue_signedRelease_keepsRelationsAcrossRestart() throws Exception {
    f.signedRelease("suite", "1.0.0", b -> b.conflict("oldsuite", "*").supersedes("suite-lite", "<2.0.0")
        .osRequirement("os.version", ">=12"));
    f.reopen();

    Release release = f.catalogue.require("suite", "1.0.0");

    assertThat(release.relations().conflicts()).containsExactly(PackageConstraint.of("oldsuite", "*"));
    assertThat(release.relations().supersedes()).containsExactly(PackageConstraint.of("suite-lite", "<2.0.0"));
    assertThat(release.relations().osRequirements()).isEqualTo(Map.of("os.version", ">=12"));
    assertThat(f.catalogue.require("office", "7.6.4").relations().dependencies())
        .containsExactly(PackageConstraint.of("fonts", ">=2.0.0 <3.0.0"));
  }

  @Test
  void create_dependencyNowhere_refusedNamingDependencyAndTargets() {
    String message = assertCode(() -> f.campaigns.create(install("office", "7.6.4", "lab")),
        ErrorCode.FAILED_PRECONDITION);

    assertThat(message).isEqualTo("release office@7.6.4 cannot be installed on its targets: dependencies: fonts"
        + " >=2.0.0 <3.0.0 is neither installed nor being deployed on 2 targets (" + A + ", " + B + ")");
    assertThat(f.campaigns.list()).isEmpty();
  }

  @Test
  void create_dependencyInstalledPerInventory_accepted() {
    f.fact(A, "convoy.releases.fonts.version", "2.0.0");
    f.fact(B, "software.fonts.version", "1:2.4-1"); // a system package: its upstream part is 2.4
    f.fact(C, "software.fonts.version", "3.0.0"); // out of range, but C is not targeted

    assertThat(f.campaigns.create(install("office", "7.6.4", "lab")).state()).isEqualTo(CampaignState.DRAFT);
  }

  @Test
  void create_dependencyOutOfRangeOnOneTarget_refusedNamingOnlyIt() {
    f.fact(A, "convoy.releases.fonts.version", "2.0.0");
    f.fact(B, "convoy.releases.fonts.version", "1.9.0");

    assertThat(assertCode(() -> f.campaigns.create(install("office", "7.6.4", "lab")),
        ErrorCode.FAILED_PRECONDITION)).endsWith("on 1 target (" + B + ")");
  }

  @Test
  void create_dependencyBeingDeployedByOpenCampaign_accepted() {
    Campaign fonts = f.campaigns.start(f.campaigns.create(install("fonts", "2.1.0", "lab")).id());
    assertThat(fonts.state()).isEqualTo(CampaignState.RUNNING);

    assertThat(f.campaigns.create(install("office", "7.6.4", "lab")).state()).isEqualTo(CampaignState.DRAFT);
    // C is not covered by the fonts campaign
    assertThat(assertCode(() -> f.campaigns.create(install("office", "7.6.4", "office")),
        ErrorCode.FAILED_PRECONDITION)).endsWith("on 1 target (" + C + ")");
  }

  @Test
  void create_dependencyInDraftCampaign_accepted_butNotOnceThatCampaignIsCancelled() {
    Campaign fonts = f.campaigns.create(install("fonts", "2.1.0", "lab"));
    assertThat(f.campaigns.create(install("office", "7.6.4", "lab")).state()).isEqualTo(CampaignState.DRAFT);

    f.commands.cancel(fonts.id(), "admin", "");

    assertCode(() -> f.campaigns.create(install("office", "7.6.4", "lab")), ErrorCode.FAILED_PRECONDITION);
  }

  @Test
  void create_uninstall_dependenciesNotChecked() {
    assertThat(f.campaigns.create(new NewCampaign("office", "7.6.4", new Targets(false, List.of("lab"), List.of()),
        "", Delivery.PUSH, Rollout.BIG_BANG, Execution.AUTOMATIC, "admin", DeploymentAction.UNINSTALL, false))
        .action()).isEqualTo(DeploymentAction.UNINSTALL);
  }

  @Test
  void create_conflictInstalled_refusedWithVersion() throws Exception {
    f.signedRelease("newviewer", "1.0.0", b -> b.conflict("oldviewer", "<2.0.0"));
    f.fact(A, "convoy.releases.oldviewer.version", "1.5.0");
    f.fact(B, "convoy.releases.oldviewer.version", "2.0.0"); // not in the conflicting range

    assertThat(assertCode(() -> f.campaigns.create(install("newviewer", "1.0.0", "lab")),
        ErrorCode.FAILED_PRECONDITION)).isEqualTo("release newviewer@1.0.0 cannot be installed on its targets:"
        + " conflicts: oldviewer <2.0.0 is installed on 1 target (" + A + " 1.5.0)");
  }

  @Test
  void create_osRequirementContradicted_refused_missingFactAllowed() throws Exception {
    f.signedRelease("modern", "1.0.0", b -> b.osRequirement("os.family", "debian").osRequirement("os.version",
        ">=12"));
    f.fact(A, "os.family", "debian");
    f.fact(A, "os.version", "11");
    f.fact(B, "os.family", "debian"); // os.version unknown: the agent decides

    assertThat(assertCode(() -> f.campaigns.create(install("modern", "1.0.0", "lab")),
        ErrorCode.FAILED_PRECONDITION)).isEqualTo("release modern@1.0.0 cannot be installed on its targets:"
        + " os_requirements: not met on 1 target (" + A + ": os.version is 11 (expected: >=12))");

    f.fact(A, "os.version", "12");
    assertThat(f.campaigns.create(install("modern", "1.0.0", "lab")).state()).isEqualTo(CampaignState.DRAFT);
  }

  @Test
  void create_manyTargetsLacking_namesTenAndCountsTheRest() {
    for (int i = 0; i < 12; i++) {
      f.endpoint(String.format("ep-1%015x", i), "fleet");
    }

    assertThat(assertCode(() -> f.campaigns.create(install("office", "7.6.4", "fleet")),
        ErrorCode.FAILED_PRECONDITION)).contains("on 12 targets (ep-1000000000000000, ").endsWith(", … 2 more)");
  }
}
