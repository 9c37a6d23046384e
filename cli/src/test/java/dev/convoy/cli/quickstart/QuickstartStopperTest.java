package dev.convoy.cli.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.cli.testing.Sleepers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class QuickstartStopperTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();
  @RegisterExtension
  final Sleepers sleepers = new Sleepers();

  @TempDir
  Path home;

  private PidFile pids() {
    return new PidFile(new QuickstartLayout(home).pids());
  }

  @Test
  void stop_recordedLiveProcesses_stopsThemAndRemovesThePidFile() throws Exception {
    Process server = sleepers.spawn();
    Process agent = sleepers.spawn();
    pids().append(PidFile.Entry.of("server", server.toHandle()));
    pids().append(PidFile.Entry.of("workstation-1", agent.toHandle()));

    Result result = admin.runBare("quickstart", "--stop", "--home", home.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(server.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(agent.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(server.toHandle().isAlive()).isFalse();
    assertThat(result.out()).contains("Stopped server (pid " + server.pid() + ")")
        .contains("Stopped workstation-1 (pid " + agent.pid() + ")");
    assertThat(Files.exists(pids().path())).isFalse();
  }

  @Test
  void stop_pidWithAnotherStartInstant_leftAlone() throws Exception {
    Process unrelated = sleepers.spawn();
    Process ours = sleepers.spawn();
    var started = unrelated.toHandle().info().startInstant().orElseThrow();
    pids().append(new PidFile.Entry("server", unrelated.pid(), Optional.of(started.minusSeconds(3600))));
    pids().append(PidFile.Entry.of("workstation-1", ours.toHandle()));

    Result result = admin.runBare("quickstart", "--stop", "--home", home.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(ours.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(unrelated.isAlive()).isTrue();
    assertThat(result.out()).contains("server (pid " + unrelated.pid() + "): the PID now belongs to another process")
        .contains("Stopped workstation-1");
  }

  @Test
  void stop_recordedProcessAlreadyGone_saysSo() throws Exception {
    Process gone = sleepers.spawn();
    pids().append(PidFile.Entry.of("server", gone.toHandle()));
    gone.destroyForcibly().waitFor(5, TimeUnit.SECONDS);

    Result result = admin.runBare("quickstart", "--stop", "--home", home.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("server (pid " + gone.pid() + ") was not running")
        .contains("Nothing was running any more.");
    assertThat(Files.exists(pids().path())).isFalse();
  }

  @Test
  void stop_malformedPidFile_errorNamesFileAndLine() throws Exception {
    Files.createDirectories(pids().path().getParent());
    Files.writeString(pids().path(), "server 123 -\nthis is not a record\n");

    Result result = admin.runBare("quickstart", "--stop", "--home", home.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains(pids().path() + " line 2: 'this is not a record' (expected: NAME PID START)");
  }

  @Test
  void stop_nothingRecorded_saysSoAndSucceeds() {
    Result result = admin.runBare("quickstart", "--stop", "--home", home.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("No quick start is running");
  }

  @Test
  void stop_processIgnoringSigterm_killedAfterTheGracePeriod() throws Exception {
    Process stubborn = sleepers.spawn(List.of("sh", "-c", "trap '' TERM; exec sleep 300"));
    waitUntilExecd(stubborn);
    pids().append(PidFile.Entry.of("server", stubborn.toHandle()));
    StringWriter out = new StringWriter();

    int stopped = new QuickstartStopper(new PrintWriter(out, true), Duration.ofMillis(300)).stop(pids());

    assertThat(stopped).isEqualTo(1);
    assertThat(stubborn.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(out.toString()).contains("killed: no exit within 0 s of SIGTERM");
  }

  /** The sh must have exec'd sleep (ignoring TERM) before it is signalled, or the test would not test anything. */
  private static void waitUntilExecd(Process process) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (process.toHandle().info().command().map(c -> c.endsWith("sleep")).orElse(false)) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("sh did not exec sleep");
  }
}
