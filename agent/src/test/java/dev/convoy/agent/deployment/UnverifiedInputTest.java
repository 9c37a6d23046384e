package dev.convoy.agent.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.installers.Installers;
import dev.convoy.installers.Lifecycle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing the server says about a release runs on the endpoint before the release's signature is checked: the
 * detection rule of a signed release (a server-supplied copy of its parameters) is not applied before verification,
 * and a release that would run code (script, deb) is refused unless it is signed.
 */
class UnverifiedInputTest {
  @TempDir Path dir;

  @Test
  void alreadyInstalled_signedReleaseWithServerSuppliedScriptDetection_runsNothing() throws Exception {
    Path marker = dir.resolve("ran");
    Path script = dir.resolve("detect.sh");
    Files.writeString(script, "#!/bin/sh\ntouch " + marker + "\nexit 0\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    InstallStep step = new InstallStep(Installers::forType, Lifecycle::install, Lifecycle::uninstall,
        dir.resolve("managed"));
    DeploymentSpec spec = spec(release("archive", Release.SIGNED_FORMAT, Map.of("detect", "script:" + script)));

    boolean installed = step.alreadyInstalled(spec, dir.resolve("work"), new DeploymentLog(dir.resolve("work"),
        Clock.systemUTC()));

    assertThat(installed).isFalse();
    assertThat(marker).as("the detection script given by the server").doesNotExist();
  }

  @Test
  void check_unsignedScriptOrDeb_refused_unsignedArchiveAndSignedScriptAccepted() {
    InstallStep step = new InstallStep(Installers::forType, Lifecycle::install, Lifecycle::uninstall,
        dir.resolve("managed"));
    DeploymentLog log = new DeploymentLog(dir.resolve("work"), Clock.systemUTC());
    Path work = dir.resolve("work");

    assertThatThrownBy(() -> step.check(spec(release("script", "", Map.of())), work, log))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsigned 'script' release")
        .hasMessageContaining("only signed releases are installed with it");
    assertThatThrownBy(() -> step.check(spec(release("deb", "", Map.of())), work, log))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsigned 'deb' release");
    step.check(spec(release("archive", "", Map.of())), work, log);
    step.check(spec(release("script", Release.SIGNED_FORMAT, Map.of())), work, log);
  }

  private static Release release(String installer, String format, Map<String, String> parameters) {
    return new Release("hello", "1.0.0", installer, "a".repeat(64), 10, 1024, List.of("b".repeat(64)), "", format,
        format.isEmpty() ? "" : "c".repeat(64), parameters, format.isEmpty() ? "" : "d".repeat(64), false);
  }

  private static DeploymentSpec spec(Release release) {
    return new DeploymentSpec("dep-0123456789abcdef", "cmp-1", release, DeploymentAction.INSTALL, 1, false,
        List.of());
  }
}
