package dev.convoy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.bench.sim.Behaviour;
import dev.convoy.bench.sim.Fleet;
import dev.convoy.bench.sim.InventoryState;
import dev.convoy.protocol.v1.CampaignStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A smoke run of the simulator against a real server in its own JVM: 20 agents enroll through the Enroll RPC,
 * connect, walk a campaign to its end (the server's counts agree with what the agents reported), and check in
 * inventory deltas that the server applies without asking for full reports.
 */
class FleetSmokeTest {
  private static final int AGENTS = 20;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void fleet_twentyAgents_campaignAndCheckInsReachTheServer() throws Exception {
    try (ServerUnderTest server = ServerUnderTest.create("smoke", List.of())) {
      server.start();
      try (Fleet fleet = server.fleet(AGENTS, Behaviour.defaults().withSuccessRate(0.8))) {
        fleet.connectAll(AGENTS);
        assertThat(fleet.stats().connectedSince(0)).isEqualTo(AGENTS);

        // The agents download the signed release file: the payload plus its manifest, signature and tar framing.
        long releaseBytes = server.admin().publish("smoke", "1.0.0", server.payload("smoke.bin", 100_000))
            .getLength();
        String campaign = server.admin().startCampaign("smoke", "1.0.0", "bench").getCampaignId();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (fleet.stats().succeeded.get() + fleet.stats().failed.get() < AGENTS && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        CampaignStatus status = server.admin().status(campaign);
        assertThat(status.getTotal()).isEqualTo(AGENTS);
        assertThat(status.getSucceeded()).isEqualTo((int) fleet.stats().succeeded.get());
        assertThat(status.getFailed()).isEqualTo((int) fleet.stats().failed.get());
        assertThat(status.getSucceeded() + status.getFailed()).isEqualTo(AGENTS);
        assertThat(fleet.stats().statusReports.count()).isEqualTo(AGENTS * 7);
        assertThat(releaseBytes).isGreaterThan(100_000L);
        assertThat(fleet.stats().bytesDownloaded.get()).isEqualTo(AGENTS * releaseBytes);
        assertThat(fleet.stats().callFailures.get()).isZero();

        List<InventoryState> inventories = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          inventories.add(fleet.attachInventory(i, SimulatedInventory.of(i)));
        }
        for (int round = 0; round < 4; round++) {
          CompletableFuture.allOf(inventories.stream().map(InventoryState::checkIn)
              .toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        // one full report then three deltas each: a delta the server could not apply would add a full report
        assertThat(fleet.stats().inventoryReports.count()).isEqualTo(5 * 4);
      }
    }
  }
}
