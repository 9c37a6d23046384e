package dev.convoy.cli.quickstart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What one quick start does, and how long it waits.
 *
 * @param layout where everything goes ({@code --home})
 * @param bin the distribution's bin directory, holding {@code convoy-server} and {@code convoy-agent}
 * @param example the directory published as the example release ({@code examples/hello-convoy/1.0.0})
 * @param agents how many agents to start (3)
 * @param startTimeout how long the server and the agents may take to come up (60 s)
 * @param campaignTimeout how long the campaign is watched at most (120 s)
 * @param stopGrace how long stopped processes get between SIGTERM and SIGKILL (10 s)
 */
public record QuickstartConfig(QuickstartLayout layout, Path bin, Path example, int agents,
    Duration startTimeout, Duration campaignTimeout, Duration stopGrace) {

  public QuickstartConfig {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(bin, "bin");
    Objects.requireNonNull(example, "example");
    if (agents < 1) {
      throw new IllegalArgumentException("agents: " + agents + " (expected: >= 1)");
    }
  }

  /** The defaults of {@code convoy quickstart}: 3 agents, 60 s to start, 120 s for the campaign, 10 s grace. */
  public static QuickstartConfig defaults(QuickstartLayout layout, Path bin, Path example) {
    return new QuickstartConfig(layout, bin, example, 3,
        Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(10));
  }

  public Path serverCommand() {
    return bin.resolve("convoy-server");
  }

  public Path agentCommand() {
    return bin.resolve("convoy-agent");
  }
}
