package dev.convoy.cli.quickstart;

import java.nio.file.Path;

/**
 * Where the quick start keeps everything: {@code HOME/quickstart/} with the server's and each agent's data
 * directory (docs/runtime-layout.md), their logs, the pid file and the env file for the CLI.
 *
 * @param home the {@code --home} directory, absolute ({@code ./.convoy} by default)
 */
public record QuickstartLayout(Path home) {
  public QuickstartLayout {
    home = home.toAbsolutePath().normalize();
  }

  public Path root() {
    return home.resolve("quickstart");
  }

  public Path pids() {
    return root().resolve("pids");
  }

  /** {@code CONVOY_SERVER=...} and {@code CONVOY_IDENTITY=...}: the root {@code ./convoy} script sources it. */
  public Path env() {
    return root().resolve("env");
  }

  public Path serverData() {
    return root().resolve("server");
  }

  public Path serverLog() {
    return serverData().resolve("server.log");
  }

  public Path serverPort() {
    return serverData().resolve("server.port");
  }

  public Path adminIdentity() {
    return serverData().resolve("admin.pem");
  }

  /** The quick start's publisher key pair, which signs the example release. */
  public Path publisherDir() {
    return root().resolve("publisher");
  }

  public Path publisherPrivateKey() {
    return publisherDir().resolve("publisher.key");
  }

  public Path publisherPublicKey() {
    return publisherDir().resolve("publisher.pub");
  }

  /** {@code workstation-N}, N from 1. */
  public static String agentName(int n) {
    return "workstation-" + n;
  }

  public Path agentData(int n) {
    return root().resolve(agentName(n));
  }

  public Path agentLog(int n) {
    return agentData(n).resolve("agent.log");
  }

  /** Where the archive installer puts the current version of {@code pkg} on agent N. */
  public Path managedCurrent(int n, String pkg) {
    return agentData(n).resolve("managed").resolve(pkg).resolve("current");
  }
}
