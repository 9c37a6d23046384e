package dev.convoy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 2, must-hold 2 (pid file lines: NAME PID START): the quick start ends with 3/3 SUCCEEDED and --stop leaves no process behind. */
class QuickstartIT {
  private final Distribution dist = new Distribution();

  @Test
  void quickstart_thenStop_threeEndpointsSucceededAndNoProcessLeft(@TempDir Path dir) throws Exception {
    Path home = dir.resolve("home");
    Path example = Path.of(System.getProperty("convoy.dist")).resolve("../../../examples/hello-convoy/1.0.0")
        .normalize();
    List<Long> pids = List.of();
    try {
      Distribution.Result run = dist.run(dir, Duration.ofMinutes(4), "convoy", "quickstart", "--home",
          home.toString(), "--example", example.toString());
      pids = recordedPids(home);
      assertThat(run.exitCode()).as("quickstart exit code; output:\n" + run.output()).isZero();
      assertThat(run.stdout()).contains("3/3 endpoints SUCCEEDED");
      assertThat(pids).as("server + 3 agents recorded").hasSize(4);
      assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
          .as("process " + pid + " keeps running after the quick start").contains(true));
      for (int i = 1; i <= 3; i++) {
        Path current = home.resolve("quickstart/workstation-" + i + "/managed/hello-convoy/current");
        assertThat(current.resolve("bin/hello-convoy")).hasSameBinaryContentAs(example.resolve("bin/hello-convoy"))
            .isExecutable();
      }
    } finally {
      Distribution.Result stop = dist.run(dir, Duration.ofMinutes(1), "convoy", "quickstart", "--stop", "--home",
          home.toString());
      assertThat(stop.exitCode()).as("quickstart --stop; output:\n" + stop.output()).isZero();
      for (long pid : pids) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        assertThat(handle.map(ProcessHandle::isAlive).orElse(false)).as("process " + pid + " after --stop").isFalse();
      }
    }
    Distribution.Result again = dist.run(dir, Duration.ofMinutes(1), "convoy", "quickstart", "--stop", "--home",
        home.toString());
    assertThat(again.exitCode()).as("--stop with nothing running").isZero();
  }

  private static List<Long> recordedPids(Path home) throws java.io.IOException {
    Path pids = home.resolve("quickstart/pids");
    if (!Files.exists(pids)) {
      return List.of();
    }
    return Files.readAllLines(pids).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .map(l -> Long.parseLong(l.split("\\s+")[1])).toList(); // NAME PID START
  }
}
