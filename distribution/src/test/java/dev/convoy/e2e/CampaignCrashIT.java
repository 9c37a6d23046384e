package dev.convoy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.CreateEnrollmentTokenResponse;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.ListEndpointsRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, must-hold 5: the server is killed with SIGKILL at random points of a running phased campaign (real agent
 * processes, real mTLS, the real CLI) and restarted on the same data directory and port each time. Afterwards no
 * transition an agent saw acknowledged is missing from the server's history, none is there twice, the counters
 * match the deployments, the waves opened one after the other, and the campaign completed.
 *
 * <p>The kill points come from a seeded {@link Random}: the seed is printed, and {@code -Dcrash.seed=N} replays
 * the same choices (the timing of real processes still varies a little). Every wave opening is also followed by an
 * immediate kill, so that a wave's opening must have been durable before the server showed it.
 */
class CampaignCrashIT {
  private static final int KIB = 1024;
  /** Kills at most; at least {@link #MIN_KILLS} must land while the campaign is running. */
  private static final int MAX_KILLS = 8;
  private static final int MIN_KILLS = 5;
  private static final String GROUP = "crash";
  private static final int AGENTS = 4;
  /**
   * Percent waves over the 4 endpoints, in the order of their hashes: positions [0,1), [1,2), [2,4). (With group
   * waves only, the server adds an empty "rest" wave after them, and the campaign never completes: see the report
   * of this test.)
   */
  private static final List<String> WAVES = List.of("name=pilot,percent=25", "name=early,percent=25",
      "name=rest,percent=50");
  static final List<Integer> WAVE_SIZES = List.of(1, 1, 2);

  private final Distribution dist = new Distribution();
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @Test
  void killNineAtRandomPoints_restartSameDataAndPort_noAcknowledgedTransitionLostOrAppliedTwice(@TempDir Path dir)
      throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    System.out.println("CampaignCrashIT seed=" + seed + " (replay with -Dcrash.seed=" + seed + ")");
    List<AgentNode> agents = new ArrayList<>();
    long begun = System.nanoTime();
    try (ServerNode server = new ServerNode(dist, dir.resolve("server")).init().start()) {
      try {
        CompletableFuture<Void> release = CompletableFuture.runAsync(() -> publishRelease(server, dir), pool);
        enrollAgents(server, dir, agents);
        release.get(180, TimeUnit.SECONDS);
        String campaignId = startCampaign(server, dir);
        long campaignStarted = System.nanoTime();
        System.out.println("CampaignCrashIT set up in " + (campaignStarted - begun) / 1_000_000 + " ms");
        CrashMonkey monkey = new CrashMonkey(server, campaignId, new Random(seed));
        List<CrashMonkey.Kill> kills = monkey.run(MAX_KILLS);
        kills.forEach(k -> System.out.println("CampaignCrashIT " + k));
        assertThat(kills.stream().filter(CrashMonkey.Kill::whileRunning).count())
            .as("kills while the campaign was running (seed %d): %s", seed, kills).isGreaterThanOrEqualTo(MIN_KILLS);

        Await.until(Duration.ofSeconds(90), () -> monkey.status().getCampaign().getState() == CampaignState.COMPLETED,
            () -> "campaign COMPLETED after the kills (seed " + seed + "), now " + monkey.status()
                + logs(server, agents));
        long completed = System.nanoTime();
        System.out.println("CampaignCrashIT campaign completed in " + (completed - campaignStarted) / 1_000_000 + " ms");
        new CrashChecks(server, dir, campaignId, agents, WAVE_SIZES)
            .verify("seed " + seed + ", kills " + kills);
        System.out.println("CampaignCrashIT checked in " + (System.nanoTime() - completed) / 1_000_000 + " ms");
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(e.getMessage() + "\n(seed " + seed + ")" + logs(server, agents), e);
      } finally {
        pool.shutdownNow();
        for (AgentNode agent : agents) {
          agent.close();
        }
      }
    }
  }

  /**
   * Enrolls {@link #AGENTS} agents with one CLI token and starts them (each enrollment and start is a JVM start, so
   * they run in parallel).
   */
  private void enrollAgents(ServerNode server, Path dir, List<AgentNode> agents) throws Exception {
    String token = Json.parse(server.cli(dir, "token", "create", "--group", GROUP, "--uses", String.valueOf(AGENTS),
        "--ttl", "1h", "--output", "json").requireSuccess("token create").stdout(),
        CreateEnrollmentTokenResponse.getDefaultInstance()).getToken();
    List<CompletableFuture<Void>> started = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      AgentNode agent = new AgentNode(dist, dir.resolve("ws-" + i));
      agents.add(agent);
      started.add(CompletableFuture.runAsync(() -> enrollAndStart(server, token, agent), pool));
    }
    CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
    Await.until(Duration.ofSeconds(90), () -> server.admin().listEndpoints(ListEndpointsRequest.getDefaultInstance())
        .getEndpointsList().stream().filter(e -> e.getOnline()).count() == agents.size(),
        () -> agents.size() + " endpoints online");
  }

  private static void enrollAndStart(ServerNode server, String token, AgentNode agent) {
    try {
      agent.enroll(server, token).requireSuccess("enroll " + agent.data().getFileName());
      // A real agent backs off up to a minute between reconnects; a few seconds keep the test short and change
      // nothing in what is checked. The outbox's debug line is the agent's record of each acknowledged report.
      CrashChecks.setProperty(agent.data().resolve("agent.properties"), "backoff_max", "PT2S");
      agent.environment(Map.of("JAVA_OPTS",
          "-Dorg.slf4j.simpleLogger.log.dev.convoy.agent.deployment.ReportOutbox=debug"));
      agent.start("--download-rate-limit", String.valueOf(96 * KIB));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while enrolling " + agent.data(), e);
    }
  }

  /**
   * Publishes a signed script release of about 768 KiB (8 s to download at the agents' rate limit; its install
   * sleeps a second).
   */
  private static void publishRelease(ServerNode server, Path dir) {
    try {
      Path payload = dir.resolve("payload");
      Files.createDirectories(payload);
      byte[] noise = new byte[768 * KIB];
      new Random(7).nextBytes(noise); // incompressible, so that the archive stays as large
      Files.write(payload.resolve("data.bin"), noise);
      Files.writeString(payload.resolve("install.sh"), "#!/bin/sh\necho installing crash-tool\nsleep 1\necho done\n");
      Files.setPosixFilePermissions(payload.resolve("install.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
      new Releases(server, dir.resolve("releases")).publish(payload, "crash-tool", "1.0.0", "script");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing", e);
    }
  }

  /** Creates and starts, with the real CLI, a phased campaign of three waves: pilot, early, rest; no go, no soak. */
  private static String startCampaign(ServerNode server, Path dir) throws Exception {
    List<String> args = new ArrayList<>(List.of("campaign", "create", "--pilot", "crash-tool@1.0.0", "--title", "crash test",
        "--targets", "group:" + GROUP,
        "--rollout", "phased", "--notice-lead", "0", "--output", "json"));
    for (String wave : WAVES) {
      args.addAll(List.of("--wave", wave + ",success=100%,soak=0"));
    }
    Campaign campaign = Json.parse(server.cli(dir, args.toArray(String[]::new)).requireSuccess("campaign create")
        .stdout(), Campaign.getDefaultInstance());
    server.cli(dir, "campaign", "start", campaign.getCampaignId()).requireSuccess("campaign start");
    return campaign.getCampaignId();
  }

  static CampaignStatus status(ServerNode server, String campaignId) {
    return server.admin().getCampaignStatus(GetCampaignStatusRequest.newBuilder().setCampaignId(campaignId).build());
  }

  static boolean allSucceeded(CampaignStatus status) {
    return status.getDeploymentsList().stream().allMatch(d -> d.getState() == DeploymentState.SUCCEEDED);
  }

  private static String logs(ServerNode server, List<AgentNode> agents) {
    StringBuilder out = new StringBuilder();
    try (var files = Files.list(server.data())) {
      for (Path log : files.filter(p -> p.getFileName().toString().startsWith("server-run")).sorted().toList()) {
        out.append("\n--- ").append(log.getFileName()).append(" (tail)\n").append(tail(Files.readString(log), 60));
      }
    } catch (Exception e) {
      out.append("\n(server logs unreadable: ").append(e).append(')');
    }
    for (AgentNode agent : agents) {
      out.append("\n--- agent ").append(agent.data().getFileName()).append(" (tail)\n")
          .append(tail(agent.currentLog(), 40));
    }
    return out.toString();
  }

  private static String tail(String text, int lines) {
    String[] all = text.split("\n");
    return String.join("\n", java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
  }

  static List<DeploymentStatus> ofWave(CampaignStatus status, int wave) {
    return status.getDeploymentsList().stream().filter(d -> d.getWave() == wave).toList();
  }
}
