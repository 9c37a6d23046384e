package dev.convoy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.bench.sim.AgentDownloads;
import dev.convoy.bench.sim.Behaviour;
import dev.convoy.bench.sim.Fleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulated agents that download through the real agent's code (scenario 5's client): a multi-chunk release reaches
 * both, each verified against the manifest and then deleted, and the campaign ends with both succeeded.
 */
class AgentDownloadsSmokeTest {
  @TempDir Path downloads;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void downloadLikeTheAgent_multiChunkRelease_verifiedByEveryAgent() throws Exception {
    try (ServerUnderTest server = ServerUnderTest.create("agent-downloads", List.of());
         AgentDownloads agentDownloads = new AgentDownloads(downloads)) {
      server.start();
      try (Fleet fleet = server.fleet("dl", 2, Behaviour.defaults(), 2)) {
        fleet.downloadLikeTheAgent(agentDownloads);
        fleet.connectAll(2);
        server.admin().publish("multi", "1.0.0", server.payload("multi.bin", 3L << 20)); // 4 chunks of 1 MiB
        server.admin().startCampaign("multi", "1.0.0", "dl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (fleet.stats().succeeded.get() + fleet.stats().failed.get() < 2 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }

        assertThat(fleet.stats().downloads.count()).isEqualTo(2);
        assertThat(fleet.stats().succeeded.get()).isEqualTo(2);
        assertThat(fleet.stats().callFailures.get()).isZero();
        try (Stream<Path> perAgent = Files.list(downloads)) {
          assertThat(perAgent.filter(Files::isDirectory)).hasSize(2); // each agent's downloads directory
        }
        try (Stream<Path> left = Files.walk(downloads)) {
          assertThat(left.filter(Files::isRegularFile)).isEmpty(); // verified, renamed, then deleted
        }
      }
    }
  }
}
