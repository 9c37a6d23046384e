package dev.convoy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.CreateEnrollmentTokenResponse;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.EndpointInventory;
import dev.convoy.protocol.v1.Fact;
import dev.convoy.protocol.v1.FactChangeKind;
import dev.convoy.protocol.v1.FactValue;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.GetInventoryHistoryRequest;
import dev.convoy.protocol.v1.GetInventoryRequest;
import dev.convoy.protocol.v1.GroupMembers;
import dev.convoy.protocol.v1.InventoryChange;
import dev.convoy.server.storage.rocksdb.RawRocks;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 with real processes: a real agent's inventory matches the machine; deltas keep the server's view exact;
 * a corrupted server view is repaired; a dynamic group follows the inventory and its running campaign picks up the
 * new member.
 */
class InventoryIT {
  private final Distribution dist = new Distribution();

  @Test
  void realAgent_fullInventory_matchesWhatTheSystemSays(@TempDir Path dir) throws Exception {
    try (ServerNode server = new ServerNode(dist, dir.resolve("server")).init().start();
        AgentNode agent = new AgentNode(dist, dir.resolve("ws"))) {
      agent.enroll(server, token(server, dir, "lab", 1)).requireSuccess("enroll");
      agent.start();
      String id = endpointId(agent);
      Map<String, FactValue> facts = awaitInventory(server, id, f -> f.containsKey("host.name"));

      assertThat(facts.get("hardware.cpu.threads").getInteger()).isEqualTo(Long.parseLong(run("nproc")));
      assertThat(facts.get("hardware.memory_bytes").getInteger()).isEqualTo(memTotalBytes());
      Map<String, String> osRelease = osRelease();
      assertThat(facts.get("os.id").getText()).isEqualTo(osRelease.get("ID"));
      assertThat(facts.get("os.version").getText()).isEqualTo(osRelease.get("VERSION_ID"));
      assertThat(facts.get("os.name").getText()).isEqualTo(osRelease.get("PRETTY_NAME"));
      assertThat(facts.get("software.bash.version").getText()).isEqualTo(run("dpkg-query", "-W", "-f=${Version}", "bash"));
      long dpkgPackages = facts.entrySet().stream()
          .filter(e -> e.getKey().startsWith("software.") || e.getKey().startsWith("software["))
          .filter(e -> e.getKey().endsWith(".source") && e.getValue().getText().equals("dpkg")).count();
      long installed = run("dpkg-query", "-W", "-f=${db:Status-Abbrev}\n").lines().filter(l -> l.startsWith("i"))
          .count();
      assertThat(dpkgPackages).as("dpkg packages in the inventory").isEqualTo(installed);

      EndpointInventory viaCli = Json.parse(server.cli(dir, "inventory", "show", id, "--output", "json")
          .requireSuccess("inventory show").stdout(), EndpointInventory.getDefaultInstance());
      assertThat(viaCli.getFactsCount()).isEqualTo(facts.size());
    }
  }

  @Test
  void dynamicGroup_followsInventory_runningCampaignPicksUpNewMember_deltasExact_corruptionRepaired(@TempDir Path dir)
      throws Exception {
    try (ServerNode server = new ServerNode(dist, dir.resolve("server")).init().start();
        AgentNode a = new AgentNode(dist, dir.resolve("ws-a"));
        AgentNode b = new AgentNode(dist, dir.resolve("ws-b"))) {
      String token = token(server, dir, "site", 2);
      a.enroll(server, token).requireSuccess("enroll a");
      b.enroll(server, token).requireSuccess("enroll b");
      rack(a, 12);
      rack(b, 7);
      a.start();
      b.start();
      String idA = endpointId(a);
      String idB = endpointId(b);
      awaitInventory(server, idA, f -> f.containsKey("facts.rack"));
      awaitInventory(server, idB, f -> f.containsKey("facts.rack"));

      server.cli(dir, "group", "create", "rack12", "--query", "facts.rack = 12").requireSuccess("group create");
      assertThat(members(server, dir)).containsExactly(idA);

      a.stop(); // A stays a member but cannot install yet: the campaign keeps running
      Path release = dir.resolve("release");
      Files.createDirectories(release);
      Files.writeString(release.resolve("app.txt"), "rack 12 tooling\n");
      new Releases(server, dir.resolve("releases")).publishDirectory(release, "rack-tools", "1.0.0");
      Campaign campaign = Json.parse(server.cli(dir, "campaign", "create", "--pilot", "--release", "rack-tools@1.0.0",
          "--targets", "group:rack12", "--output", "json").requireSuccess("campaign create").stdout(),
          Campaign.getDefaultInstance());
      server.cli(dir, "campaign", "start", campaign.getCampaignId()).requireSuccess("campaign start");
      assertThat(status(server, campaign).getDeploymentsList()).extracting(DeploymentStatus::getEndpointId)
          .containsExactly(idA);

      rack(b, 12); // the custom fact changes on B ...
      server.cli(dir, "inventory", "refresh", idB).requireSuccess("inventory refresh");
      Await.until(Duration.ofSeconds(60), () -> members(server, dir).contains(idB),
          () -> "B joins rack12; B log:\n" + b.currentLog());
      assertThat(members(server, dir)).containsExactlyInAnyOrder(idA, idB);
      Await.until(Duration.ofSeconds(120), () -> state(server, campaign, idB) == DeploymentState.SUCCEEDED,
          () -> "the running campaign picks up B and B installs; status " + status(server, campaign)
              + "\nB log:\n" + b.currentLog());

      // ... and the install is followed by a delta that the server applied exactly (the hash check guarantees it)
      Await.until(Duration.ofSeconds(60), () -> facts(server, idB)
              .map(f -> f.containsKey("convoy.releases.rack-tools.version")).orElse(false),
          () -> "the install shows in B's inventory; B log:\n" + b.currentLog());
      List<InventoryChange> history = history(server, idB);
      assertThat(history).anySatisfy(c -> {
        assertThat(c.getPath()).isEqualTo("facts.rack");
        assertThat(c.getKind()).isEqualTo(FactChangeKind.CHANGED);
        assertThat(c.getNewValue().getInteger()).isEqualTo(12);
      });
      assertThat(history).anySatisfy(c -> {
        assertThat(c.getPath()).isEqualTo("convoy.releases.rack-tools.version");
        assertThat(c.getKind()).isEqualTo(FactChangeKind.ADDED);
        assertThat(c.getReason()).isEqualTo("install");
      });

      a.start();
      Await.until(Duration.ofSeconds(120), () -> status(server, campaign).getCampaign().getState()
          == CampaignState.COMPLETED, () -> "campaign COMPLETED once A is back: " + status(server, campaign));

      // a custom fact changes again; B's next report (on reconnecting to the restarted server) is a delta, and the
      // server's view ends exactly the agent's (its digest check guarantees it)
      rack(b, 14);
      assertThat(server.stop()).isZero();
      int logBefore = b.currentLog().length();
      server.start();
      java.util.regex.Pattern deltaSent =
          java.util.regex.Pattern.compile("inventory sent reason=\\S+ kind=delta facts=[1-9]");
      // the agent logs a report once the server has acknowledged it: wait for both sides
      Await.until(Duration.ofSeconds(120), () -> facts(server, idB).map(f -> f.get("facts.rack").getInteger() == 14)
          .orElse(false) && deltaSent.matcher(b.currentLog().substring(logBefore)).find(),
          () -> "B's rack 14 reaches the server in a delta; B log:\n" + b.currentLog());
      assertThat(b.currentLog().substring(logBefore)).as("B's reports after reconnecting").doesNotContain("kind=full");
      assertThat(history(server, idB)).anySatisfy(c -> {
        assertThat(c.getPath()).isEqualTo("facts.rack");
        assertThat(c.getOldValue().getInteger()).isEqualTo(12);
        assertThat(c.getNewValue().getInteger()).isEqualTo(14);
      });
      // a digest delta (docs/inventory.md "Inventory digest"): the server no longer keeps the hash, and its digest is
      // that of the facts it holds, which the agent acknowledged without a full report
      assertThat(digestOfFactsHeld(server, idB)).isTrue();

      // a corrupted server view: B's next report (a delta on reconnect, which checks the whole stored view against
      // its digest) is refused, a full one repairs it
      assertThat(server.stop()).isZero();
      try (RocksStorage storage = RocksStorage.open(server.data().resolve("db"))) {
        RawRocks.overwriteFactRow(storage, idB, "facts.rack", "facts.rack", 99L);
      }
      server.start();
      Await.until(Duration.ofSeconds(120), () -> facts(server, idB).map(f -> f.get("facts.rack").getInteger() == 14)
          .orElse(false) && history(server, idB).stream().anyMatch(c -> c.getReason().equals("resync")),
          () -> "B's view repaired by a resync; B log:\n" + b.currentLog());
      assertThat(history(server, idB)).anySatisfy(c -> {
        assertThat(c.getPath()).isEqualTo("facts.rack");
        assertThat(c.getOldValue().getInteger()).isEqualTo(99);
        assertThat(c.getNewValue().getInteger()).isEqualTo(14);
        assertThat(c.getReason()).isEqualTo("resync");
      });
      Await.until(Duration.ofSeconds(30), () -> server.admin().getInventory(GetInventoryRequest.newBuilder()
          .setEndpointId(idB).build()).getInventorySha256().equals(lastReportedSha(b)) && digestOfFactsHeld(server, idB),
          () -> "the server's hash equals the agent's last reported one; B log:\n" + b.currentLog());
    }
  }

  /** Whether the server's stored digest of the endpoint's inventory is the digest of the facts it holds. */
  private static boolean digestOfFactsHeld(ServerNode server, String id) {
    EndpointInventory held = server.admin().getInventory(GetInventoryRequest.newBuilder().setEndpointId(id).build());
    Map<String, Object> facts = new java.util.TreeMap<>();
    for (Fact fact : held.getFactsList()) {
      FactValue v = fact.getValue();
      facts.put(fact.getPath(), switch (v.getKindCase()) {
        case TEXT -> v.getText();
        case INTEGER -> v.getInteger();
        case REAL -> v.getReal();
        default -> v.getFlag();
      });
    }
    return held.getInventoryDigest().equals(dev.convoy.inventory.InventoryDigest.of(facts).hex());
  }

  /** The canonical hash of the agent's own inventory in its last report, from its log. */
  private static String lastReportedSha(AgentNode agent) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("inventory sent .* sha256=([0-9a-f]{64})")
        .matcher(agent.currentLog());
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    assertThat(last).as("the agent logged a report").isNotNull();
    return last;
  }

  private static String token(ServerNode server, Path dir, String group, int uses) throws Exception {
    return Json.parse(server.cli(dir, "token", "create", "--group", group, "--uses", String.valueOf(uses),
        "--output", "json").requireSuccess("token create").stdout(),
        CreateEnrollmentTokenResponse.getDefaultInstance()).getToken();
  }

  private static String endpointId(AgentNode agent) throws IOException {
    return Files.readAllLines(agent.data().resolve("agent.properties")).stream()
        .filter(l -> l.startsWith("endpoint_id=")).map(l -> l.substring("endpoint_id=".length())).findFirst()
        .orElseThrow();
  }

  /** A facts.d script printing rack=N (rewritten atomically: the agent may be running it). */
  private static void rack(AgentNode agent, int rack) throws IOException {
    Path factsD = agent.data().resolve("facts.d");
    Files.createDirectories(factsD);
    Path temp = factsD.resolve(".rack.tmp");
    Files.writeString(temp, "#!/bin/sh\necho rack=" + rack + "\n");
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.move(temp, factsD.resolve("rack"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static Map<String, FactValue> awaitInventory(ServerNode server, String id,
      java.util.function.Predicate<Map<String, FactValue>> ready) {
    Await.until(Duration.ofSeconds(90), () -> facts(server, id).map(ready::test).orElse(false),
        () -> "inventory of " + id);
    return facts(server, id).orElseThrow();
  }

  private static Optional<Map<String, FactValue>> facts(ServerNode server, String id) {
    try {
      return Optional.of(server.admin().getInventory(GetInventoryRequest.newBuilder().setEndpointId(id).build())
          .getFactsList().stream().collect(Collectors.toMap(Fact::getPath, Fact::getValue)));
    } catch (io.grpc.StatusRuntimeException e) {
      return Optional.empty();
    }
  }

  private static List<InventoryChange> history(ServerNode server, String id) {
    return server.admin().getInventoryHistory(GetInventoryHistoryRequest.newBuilder().setEndpointId(id).build())
        .getChangesList();
  }

  private static List<String> members(ServerNode server, Path dir) {
    try {
      return Json.parse(server.cli(dir, "group", "show", "rack12", "--output", "json").requireSuccess("group show")
          .stdout(), GroupMembers.getDefaultInstance()).getMembersList().stream()
          .map(dev.convoy.protocol.v1.Endpoint::getEndpointId).toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static CampaignStatus status(ServerNode server, Campaign campaign) {
    return server.admin().getCampaignStatus(
        GetCampaignStatusRequest.newBuilder().setCampaignId(campaign.getCampaignId()).build());
  }

  private static DeploymentState state(ServerNode server, Campaign campaign, String endpointId) {
    return status(server, campaign).getDeploymentsList().stream().filter(d -> d.getEndpointId().equals(endpointId))
        .map(DeploymentStatus::getState).findFirst().orElse(DeploymentState.DEPLOYMENT_STATE_UNSPECIFIED);
  }

  private static long memTotalBytes() throws IOException {
    return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).findFirst().orElseThrow();
  }

  private static Map<String, String> osRelease() throws IOException {
    return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.contains("="))
        .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')),
            l -> l.substring(l.indexOf('=') + 1).replaceAll("^\"|\"$", ""), (x, y) -> x));
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes()).trim();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
