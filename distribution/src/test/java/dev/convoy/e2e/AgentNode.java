package dev.convoy.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real convoy-agent process: one simulated workstation with its own data directory. */
final class AgentNode implements AutoCloseable {
  private static final Pattern TECHNICIAN_CODE = Pattern.compile("code: ([0-9A-Z]{4}-[0-9A-Z]{4})");
  private final Distribution dist;
  private final Path data;
  private Launched process;
  private int runs;
  private Map<String, String> environment = Map.of();

  AgentNode(Distribution dist, Path data) {
    this.dist = dist;
    this.data = data;
  }

  Distribution.Result enroll(ServerNode server, String token) throws IOException, InterruptedException {
    Files.createDirectories(data.getParent());
    return dist.run(data.getParent(), Duration.ofSeconds(60), "convoy-agent", "enroll", "--server",
        server.address(), "--token", token, "--ca-fingerprint", server.caFingerprint(), "--data", data.toString());
  }

  /** Adds {@code environment} to the processes {@link #start} launches from now on (e.g. {@code JAVA_OPTS}). */
  AgentNode environment(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    return this;
  }

  AgentNode start(String... extraArgs) throws IOException {
    runs++;
    List<String> args = new ArrayList<>(List.of("run", "--data", data.toString()));
    args.addAll(List.of(extraArgs));
    process = dist.start(data.getParent(), log(runs), environment, "convoy-agent", args.toArray(String[]::new));
    return this;
  }

  Path log(int run) {
    return data.getParent().resolve(data.getFileName() + "-run" + run + ".log");
  }

  String currentLog() {
    return process.log();
  }

  Path data() {
    return data;
  }

  Path managed(String packageName) {
    return data.resolve("managed").resolve(packageName).resolve("current");
  }

  /**
   * Waits until {@code convoy-agent technician-code}, run at the desk as its user would, shows the presence code of
   * a claimed technician job, and answers it ({@code XXXX-XXXX}).
   */
  String awaitTechnicianCode(Duration timeout) {
    String[] code = new String[1];
    Await.until(timeout, () -> {
      Matcher m = TECHNICIAN_CODE.matcher(technicianCode());
      code[0] = m.find() ? m.group(1) : null;
      return code[0] != null;
    }, () -> "the agent shows the technician's code\n" + currentLog());
    return code[0];
  }

  private String technicianCode() {
    try {
      return dist.run(data.getParent(), Duration.ofSeconds(30), "convoy-agent", "technician-code", "--data",
          data.toString()).stdout();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SIGTERM, as systemd stops a service; waits for the agent to exit. */
  void stop() throws InterruptedException {
    process.stop(java.time.Duration.ofSeconds(30));
  }

  void kill9() throws InterruptedException {
    process.kill9();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.close();
    }
  }
}
