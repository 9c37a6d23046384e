package dev.convoy.cli.quickstart;

import dev.convoy.cli.CliContext;
import dev.convoy.protocol.v1.Endpoint;
import dev.convoy.protocol.v1.ListEndpointsRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Step 4 of the quick start: enrolls {@code workstation-1..N} with the token, starts each agent in the
 * background, and waits until the server lists all of them online. Not thread-safe.
 */
final class QuickstartAgents {
  private final CliContext context;
  private final QuickstartConfig config;
  private final ProcessLauncher launcher;
  private final Poller poller;
  private final PidFile pids;
  private final PrintWriter out;

  QuickstartAgents(CliContext context, QuickstartConfig config, ProcessLauncher launcher, Poller poller, PidFile pids) {
    this.context = context;
    this.config = config;
    this.launcher = launcher;
    this.poller = poller;
    this.pids = pids;
    this.out = context.out();
  }

  /** @return endpoint id by agent name, for the agents whose data directory tells it */
  Map<String, String> start(ServerInfo server, String token) throws Exception {
    QuickstartLayout layout = config.layout();
    Map<String, String> endpoints = new LinkedHashMap<>();
    Map<Integer, ProcessHandle> agents = new LinkedHashMap<>();
    for (int n = 1; n <= config.agents(); n++) {
      String name = QuickstartLayout.agentName(n);
      String data = layout.agentData(n).toString();
      ProcessLauncher.Completed enroll = launcher.run(List.of(config.agentCommand().toString(), "enroll",
          "--server", server.address().toString(), "--token", token,
          "--ca-fingerprint", server.caFingerprint(), "--data", data), config.startTimeout());
      QuickstartServer.requireSuccess("convoy-agent enroll (" + name + ")", enroll);
      Optional<String> endpointId = endpointId(layout.agentData(n));
      endpointId.ifPresent(id -> endpoints.put(name, id));
      ProcessHandle agent = launcher.start(List.of(config.agentCommand().toString(), "run", "--data", data),
          layout.agentLog(n));
      pids.append(PidFile.Entry.of(name, agent));
      agents.put(n, agent);
      out.println("    " + name + " enrolled" + endpointId.map(id -> " as " + id).orElse("")
          + ", agent running (pid " + agent.pid() + "); log: " + layout.agentLog(n));
    }
    int online = poller.await(config.agents() + " agents to be online", config.startTimeout(), () -> {
      for (Map.Entry<Integer, ProcessHandle> agent : agents.entrySet()) {
        QuickstartServer.requireAlive(QuickstartLayout.agentName(agent.getKey()), agent.getValue(),
            layout.agentLog(agent.getKey()));
      }
      int count = online(Set.copyOf(endpoints.values()));
      return count >= config.agents() ? Optional.of(count) : Optional.empty();
    });
    out.println("    " + online + "/" + config.agents() + " agents online");
    return endpoints;
  }

  /** The known endpoints that are online; when the ids are not known, every online one in the group. */
  private int online(Set<String> expected) {
    List<Endpoint> all = context.admin().withDeadlineAfter(10, TimeUnit.SECONDS)
        .listEndpoints(ListEndpointsRequest.getDefaultInstance()).getEndpointsList();
    List<Endpoint> online = new ArrayList<>();
    for (Endpoint endpoint : all) {
      boolean ours = expected.size() == config.agents()
          ? expected.contains(endpoint.getEndpointId())
          : Quickstart.GROUP.equals(endpoint.getGroup());
      if (ours && endpoint.getOnline()) {
        online.add(endpoint);
      }
    }
    return online.stream().map(Endpoint::getEndpointId).collect(Collectors.toSet()).size();
  }

  /** {@code endpoint_id} from the agent's {@code agent.properties}, once enrollment wrote it. */
  static Optional<String> endpointId(Path agentData) throws IOException {
    Path file = agentData.resolve("agent.properties");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    }
    return Optional.ofNullable(properties.getProperty("endpoint_id")).map(String::trim).filter(s -> !s.isEmpty());
  }
}
