package dev.convoy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.StateChange;
import dev.convoy.protocol.v1.WaveState;
import dev.convoy.protocol.v1.WaveStatus;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What must hold after a campaign survived server crashes, read with the real CLI ({@code convoy campaign status
 * --output json}: every deployment with its history; {@code --endpoint E} shows the same) and from the agents' own
 * records (their logs and {@code journal/<deployment>.properties}).
 */
final class CrashChecks {
  /**
   * The happy path of an install, in order; nothing in it may come twice within an attempt. AWAITING_WINDOW may
   * appear once: an agent that could not get its install permit because the server was down at that moment waits
   * for the gate like for a window, and asks again when the server is back.
   */
  static final List<DeploymentState> CHAIN = List.of(DeploymentState.QUEUED, DeploymentState.PENDING,
      DeploymentState.OFFERED, DeploymentState.NOTIFIED, DeploymentState.DOWNLOADING, DeploymentState.DOWNLOADED,
      DeploymentState.AWAITING_WINDOW, DeploymentState.INSTALLING, DeploymentState.VERIFYING,
      DeploymentState.SUCCEEDED);
  /** A state the agent journaled (Transitioner, and DeploymentRunner for OFFERED): it reports each of them. */
  private static final Pattern JOURNALED = Pattern.compile(
      " - deployment=(\\S+) attempt=(\\d+) (?:\\S+=\\S+ )*?state=([A-Z_]+) sequence=(\\d+)");
  /** The outbox's acknowledgement (debug) and the synchronous reports' answer: the server answered the report. */
  private static final Pattern ACKNOWLEDGED = Pattern.compile(
      "report (?:acknowledged|answered) deployment=(\\S+) (?:attempt=\\d+ )?sequence=(\\d+) state=([A-Z_]+) applied=");

  private final ServerNode server;
  private final Path dir;
  private final String campaignId;
  private final List<AgentNode> agents;
  private final List<Integer> waveSizes;

  /** @param waveSizes the number of deployments each wave must have */
  CrashChecks(ServerNode server, Path dir, String campaignId, List<AgentNode> agents, List<Integer> waveSizes) {
    this.server = server;
    this.dir = dir;
    this.campaignId = campaignId;
    this.agents = agents;
    this.waveSizes = waveSizes;
  }

  void verify(String context) throws IOException, InterruptedException {
    CampaignStatus status = Json.parse(server.cli(dir, "campaign", "status", campaignId, "--output", "json")
        .requireSuccess("campaign status").stdout(), CampaignStatus.getDefaultInstance());
    String shown = context + "\nstatus: " + status;
    assertThat(status.getCampaign().getState()).as(shown).isEqualTo(CampaignState.COMPLETED);
    assertThat(status.getDeploymentsList()).as(shown).hasSize(agents.size())
        .allSatisfy(d -> assertThat(d.getState()).isEqualTo(DeploymentState.SUCCEEDED));
    assertThat(status.getTotal()).as(shown).isEqualTo(agents.size());
    assertThat(status.getSucceeded()).as(shown).isEqualTo(agents.size());
    assertThat(nonZero(status.getCountsMap())).as("campaign counters = deployments per state; " + shown)
        .isEqualTo(perState(status.getDeploymentsList()));
    checkWaves(status, shown);

    Map<String, List<DeploymentState>> journaled = new TreeMap<>();
    Map<String, Set<DeploymentState>> acknowledged = new TreeMap<>();
    for (AgentNode agent : agents) {
      readAgentLog(agent.currentLog(), journaled, acknowledged);
      readJournal(agent.data().resolve("journal"), acknowledged, context);
    }
    for (DeploymentStatus d : status.getDeploymentsList()) {
      checkHistory(d, journaled, acknowledged, context);
    }
    // The per-endpoint view shows the same history (one JVM start per look: one endpoint stands for the others).
    DeploymentStatus first = status.getDeployments(0);
    assertThat(endpointStatus(first.getEndpointId()).getHistoryList()).as("status --endpoint; " + context)
        .isEqualTo(first.getHistoryList());
  }

  /** Counters and sizes per wave, and each wave opened only after the previous one succeeded. */
  private void checkWaves(CampaignStatus status, String shown) {
    assertThat(status.getWavesList()).as(shown).hasSize(waveSizes.size());
    Timestamp previousLastSuccess = null;
    for (WaveStatus wave : status.getWavesList()) {
      List<DeploymentStatus> members = CampaignCrashIT.ofWave(status, wave.getIndex());
      String what = "wave " + (wave.getIndex() + 1) + " " + wave.getName() + "; " + shown;
      assertThat(members).as(what).hasSize(waveSizes.get(wave.getIndex()));
      assertThat(wave.getSize()).as(what).isEqualTo(members.size());
      assertThat(wave.getSucceeded()).as(what).isEqualTo(members.size());
      assertThat(wave.getState()).as(what).isEqualTo(WaveState.WAVE_PASSED);
      assertThat(nonZero(wave.getCountsMap())).as("wave counters = its deployments per state; " + what)
          .isEqualTo(perState(members));
      assertThat(wave.hasOpenedAt()).as(what).isTrue();
      if (previousLastSuccess != null) {
        assertThat(Timestamps.compare(wave.getOpenedAt(), previousLastSuccess))
            .as("wave opened at %s, not before the previous wave's last success %s; %s",
                Timestamps.toString(wave.getOpenedAt()), Timestamps.toString(previousLastSuccess), what)
            .isGreaterThanOrEqualTo(0);
      }
      for (DeploymentStatus d : members) {
        Timestamp offered = firstAt(d, DeploymentState.OFFERED);
        assertThat(Timestamps.compare(offered, wave.getOpenedAt()))
            .as("%s offered at %s, not before its wave opened; %s", d.getEndpointId(), Timestamps.toString(offered),
                what).isGreaterThanOrEqualTo(0);
      }
      previousLastSuccess = members.stream().map(d -> firstAt(d, DeploymentState.SUCCEEDED))
          .max(Timestamps::compare).orElseThrow();
    }
  }

  /**
   * One deployment's history (from {@code --endpoint}): one attempt, the chain in order with nothing twice, every
   * state the agent journaled (so reported) present and nothing the agent did not report, every acknowledged
   * state present.
   */
  private static void checkHistory(DeploymentStatus d, Map<String, List<DeploymentState>> journaled,
      Map<String, Set<DeploymentState>> acknowledged, String context) {
    String what = "deployment " + d.getDeploymentId() + " of " + d.getEndpointId() + " history "
        + d.getHistoryList().stream().map(c -> c.getState() + "@" + Timestamps.toString(c.getAt()) + "#"
            + c.getAttempt()).toList() + "; " + context;
    assertThat(d.getHistoryList()).as(what).isNotEmpty().allSatisfy(c -> assertThat(c.getAttempt()).isEqualTo(1));
    List<DeploymentState> states = d.getHistoryList().stream().map(StateChange::getState).toList();
    assertThat(states).as("states in the order of the install chain, none twice: " + what).allMatch(CHAIN::contains);
    for (int i = 1; i < states.size(); i++) {
      assertThat(CHAIN.indexOf(states.get(i))).as("state %d after %s: %s", i, states.get(i - 1), what)
          .isGreaterThan(CHAIN.indexOf(states.get(i - 1)));
    }
    // No agent is killed, and each of its reports is retried until the server answers it: every state it journaled
    // must have been acknowledged (this also shows that the agent's records were read at all).
    assertThat(acknowledged.get(d.getDeploymentId())).as("states acknowledged to the agent: " + what)
        .containsExactlyInAnyOrderElementsOf(journaled.get(d.getDeploymentId()));
    assertThat(states).as("every acknowledged state is in the server's history: " + what)
        .containsAll(acknowledged.get(d.getDeploymentId()));
    List<DeploymentState> reported = states.stream()
        .filter(s -> s != DeploymentState.QUEUED && s != DeploymentState.PENDING).toList();
    assertThat(reported).as("the agent's journaled states, exactly once each: " + what)
        .isEqualTo(journaled.get(d.getDeploymentId()));
  }

  private DeploymentStatus endpointStatus(String endpointId) throws IOException, InterruptedException {
    CampaignStatus one = Json.parse(server.cli(dir, "campaign", "status", campaignId, "--endpoint", endpointId,
        "--output", "json").requireSuccess("campaign status --endpoint " + endpointId).stdout(),
        CampaignStatus.getDefaultInstance());
    assertThat(one.getDeploymentsList()).as("status --endpoint " + endpointId).hasSize(1);
    return one.getDeployments(0);
  }

  /** Per deployment: the states the agent journaled, in sequence order, and the ones the server acknowledged. */
  static void readAgentLog(String log, Map<String, List<DeploymentState>> journaled,
      Map<String, Set<DeploymentState>> acknowledged) {
    Map<String, TreeMap<Long, DeploymentState>> bySequence = new TreeMap<>();
    Matcher m = JOURNALED.matcher(log);
    while (m.find()) {
      assertThat(m.group(2)).as("attempt of " + m.group()).isEqualTo("1");
      DeploymentState state = DeploymentState.valueOf(m.group(3));
      DeploymentState earlier = bySequence.computeIfAbsent(m.group(1), k -> new TreeMap<>())
          .put(Long.parseLong(m.group(4)), state);
      assertThat(earlier == null || earlier == state).as("sequence reused for another state: " + m.group()).isTrue();
    }
    bySequence.forEach((id, states) -> journaled.put(id, List.copyOf(new LinkedHashSet<>(states.values()))));
    Matcher a = ACKNOWLEDGED.matcher(log);
    while (a.find()) {
      acknowledged.computeIfAbsent(a.group(1), k -> new LinkedHashSet<>()).add(DeploymentState.valueOf(a.group(3)));
    }
  }

  /** The journal's last state of each deployment: final, and acknowledged (so it must be on the server). */
  private static void readJournal(Path journal, Map<String, Set<DeploymentState>> acknowledged, String context)
      throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(journal)) {
      files = list.filter(p -> p.toString().endsWith(".properties")).toList();
    }
    assertThat(files).as("journal " + journal).hasSize(1);
    for (Path file : files) {
      Properties entry = new Properties();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        entry.load(reader);
      }
      String what = file + " " + new TreeMap<>(entry) + "; " + context;
      assertThat(entry.getProperty("state")).as(what).isEqualTo("SUCCEEDED");
      long sequence = Long.parseLong(entry.getProperty("next_sequence")) - 1;
      assertThat(Long.parseLong(entry.getProperty("reported_sequence"))).as("acknowledged: " + what)
          .isGreaterThanOrEqualTo(sequence);
      acknowledged.computeIfAbsent(entry.getProperty("deployment_id"), k -> new LinkedHashSet<>())
          .add(DeploymentState.valueOf(entry.getProperty("state")));
    }
  }

  private static Map<String, Integer> nonZero(Map<String, Integer> counts) {
    return new TreeMap<>(counts.entrySet().stream().filter(e -> e.getValue() != 0)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  private static Map<String, Integer> perState(List<DeploymentStatus> deployments) {
    return new TreeMap<>(deployments.stream().collect(Collectors.groupingBy(d -> d.getState().name(),
        Collectors.summingInt(d -> 1))));
  }

  private static Timestamp firstAt(DeploymentStatus d, DeploymentState state) {
    return d.getHistoryList().stream().filter(c -> c.getState() == state).map(StateChange::getAt).findFirst()
        .orElseThrow(() -> new AssertionError(d.getEndpointId() + " has no " + state + " in " + d.getHistoryList()));
  }

  /** Sets {@code key=value} in a properties file, replacing the line that sets it. */
  static void setProperty(Path file, String key, String value) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.removeIf(line -> line.startsWith(key + "=") || line.startsWith(key + " "));
    lines.add(key + "=" + value);
    Files.write(file, lines, StandardCharsets.UTF_8);
  }
}
