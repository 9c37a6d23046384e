package dev.convoy.agent.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.release.PackageConstraint;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyPlanTest {
  private static DeploymentSpec spec(String id, String name, String version, DeploymentAction action,
      String... dependencies) {
    List<PackageConstraint> deps = Arrays.stream(dependencies)
        .map(d -> PackageConstraint.of(d.substring(0, d.indexOf(':')), d.substring(d.indexOf(':') + 1))).toList();
    Release release = new Release(name, version, "archive", "a".repeat(64), 1, 1, List.of("a".repeat(64)), "",
        Release.SIGNED_FORMAT, "", Map.of(), "", false, new Relations(deps, List.of(), List.of(), Map.of()));
    return new DeploymentSpec(id, "c", release, action, 1, false, List.of());
  }

  private static List<String> ids(DependencyPlan plan) {
    return plan.ordered().stream().map(DeploymentSpec::deploymentId).toList();
  }

  @Test
  void of_chainListedBackwards_dependenciesFirst_uninstallsBeforeInstalls() {
    DeploymentSpec app = spec("d-app", "app", "1.0.0", DeploymentAction.INSTALL, "lib:>=2.0.0");
    DeploymentSpec lib = spec("d-lib", "lib", "2.1.0", DeploymentAction.INSTALL, "base:*");
    DeploymentSpec base = spec("d-base", "base", "1.0.0", DeploymentAction.INSTALL);
    DeploymentSpec other = spec("d-other", "other", "1.0.0", DeploymentAction.INSTALL);
    DeploymentSpec removal = spec("d-rm", "old", "1.0.0", DeploymentAction.UNINSTALL);

    DependencyPlan plan = DependencyPlan.of(List.of(app, other, lib, removal, base));

    assertThat(ids(plan)).containsExactly("d-rm", "d-other", "d-base", "d-lib", "d-app");
    assertThat(plan.cycle("d-app")).isEmpty();
  }

  @Test
  void of_versionOutOfRange_noEdge_serverOrderKept() {
    DeploymentSpec app = spec("d-app", "app", "1.0.0", DeploymentAction.INSTALL, "lib:>=3.0.0");
    DeploymentSpec lib = spec("d-lib", "lib", "2.1.0", DeploymentAction.INSTALL);

    assertThat(ids(DependencyPlan.of(List.of(app, lib)))).containsExactly("d-app", "d-lib");
  }

  @Test
  void of_cycle_membersNamedWithTheCycle_dependentOfCycleNotNamed() {
    DeploymentSpec a = spec("d-a", "a", "1.0.0", DeploymentAction.INSTALL, "b:*");
    DeploymentSpec b = spec("d-b", "b", "1.0.0", DeploymentAction.INSTALL, "c:*");
    DeploymentSpec c = spec("d-c", "c", "1.0.0", DeploymentAction.INSTALL, "a:*");
    DeploymentSpec d = spec("d-d", "d", "1.0.0", DeploymentAction.INSTALL, "a:*");

    DependencyPlan plan = DependencyPlan.of(List.of(d, a, b, c));

    assertThat(plan.cycle("d-a")).contains("a@1.0.0 -> b@1.0.0 -> c@1.0.0 -> a@1.0.0");
    assertThat(plan.cycle("d-c")).contains("c@1.0.0 -> a@1.0.0 -> b@1.0.0 -> c@1.0.0");
    assertThat(plan.cycle("d-d")).isEmpty(); // fails later as "dependency a missing" once a failed
    assertThat(ids(plan)).containsExactlyInAnyOrder("d-a", "d-b", "d-c", "d-d");
  }
}
