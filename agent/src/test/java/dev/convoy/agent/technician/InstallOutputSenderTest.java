package dev.convoy.agent.technician;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.deployment.DeploymentLog;
import dev.convoy.agent.testing.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallOutputSenderTest {
  @TempDir Path work;

  private record Sent(String deploymentId, int attempt, long first, List<String> lines) {}

  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final InstallOutputSender sender = new InstallOutputSender((id, attempt, first, lines) -> {
    sent.add(new Sent(id, attempt, first, lines));
    return true;
  });

  @Test
  void flush_watchedDeploymentLogLines_sentNumberedInOneBatch() {
    sender.watch(Map.of("dep-1", 2));
    DeploymentLog log = new DeploymentLog(work, new ManualClock(Instant.EPOCH), text -> sender.line("dep-1", text));
    log.line("[install.sh] unpacking");
    log.line("[install.sh] done");
    sender.line("dep-other", "not a technician job");

    sender.flush();

    assertThat(sent).containsExactly(new Sent("dep-1", 2, 1, List.of("[install.sh] unpacking", "[install.sh] done")));
    log.line("lifecycle install exit_code=0");
    sender.flush();
    assertThat(sent.get(1)).isEqualTo(new Sent("dep-1", 2, 3, List.of("lifecycle install exit_code=0")));
  }

  @Test
  void flush_serverFails_batchDroppedAndLaterLinesStillSent() {
    List<Long> firsts = new CopyOnWriteArrayList<>();
    InstallOutputSender failing = new InstallOutputSender((id, attempt, first, lines) -> {
      firsts.add(first);
      if (first == 1) {
        throw new IllegalStateException("UNAVAILABLE");
      }
      return true;
    });
    failing.watch(Map.of("dep-1", 1));
    failing.line("dep-1", "a");
    failing.flush();
    failing.line("dep-1", "b");
    failing.flush();
    assertThat(firsts).containsExactly(1L, 2L);
  }

  @Test
  void start_linesArrive_senderThreadDeliversThem() throws Exception {
    sender.watch(Map.of("dep-1", 1));
    sender.start();
    try {
      sender.line("dep-1", "live");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (sent.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20); // bounded wait for the sender thread's batch
      }
      assertThat(sent).extracting(Sent::lines).containsExactly(List.of("live"));
    } finally {
      sender.close();
    }
  }
}
