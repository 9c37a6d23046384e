package dev.convoy.cli.quickstart;

import dev.convoy.cli.CliContext;
import dev.convoy.cli.CommandFailedException;
import dev.convoy.protocol.v1.WhoAmIRequest;
import dev.convoy.protocol.v1.WhoAmIResponse;
import dev.convoy.transport.ServerAddress;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step 2 of the quick start: {@code convoy-server init} on loopback with an ephemeral port, then
 * {@code convoy-server run} in the background, waiting for {@code server.port} and for a WhoAmI with the admin
 * identity to succeed. Not thread-safe.
 */
final class QuickstartServer {
  private static final Pattern FINGERPRINT = Pattern.compile("CA fingerprint:\\s*(SHA256:[0-9A-Fa-f:]+)");

  private final CliContext context;
  private final QuickstartConfig config;
  private final ProcessLauncher launcher;
  private final Poller poller;
  private final PidFile pids;
  private final PrintWriter out;

  QuickstartServer(CliContext context, QuickstartConfig config, ProcessLauncher launcher, Poller poller, PidFile pids) {
    this.context = context;
    this.config = config;
    this.launcher = launcher;
    this.poller = poller;
    this.pids = pids;
    this.out = context.out();
  }

  ServerInfo start() throws Exception {
    QuickstartLayout layout = config.layout();
    String data = layout.serverData().toString();
    ProcessLauncher.Completed init = launcher.run(
        List.of(config.serverCommand().toString(), "init", "--data", data, "--listen", "127.0.0.1:0"),
        config.startTimeout());
    requireSuccess("convoy-server init", init);
    String fingerprint = fingerprint(init.output());
    if (!Files.isRegularFile(layout.adminIdentity())) {
      throw new CommandFailedException("convoy-server init wrote no admin identity at " + layout.adminIdentity());
    }
    out.println("    initialised " + data + " (CA fingerprint " + fingerprint + ")");

    ProcessHandle server = launcher.start(List.of(config.serverCommand().toString(), "run", "--data", data),
        layout.serverLog());
    pids.append(PidFile.Entry.of("server", server));
    int port = poller.await(layout.serverPort() + " (the server's port)", config.startTimeout(), () -> {
      requireAlive("convoy-server", server, layout.serverLog());
      return readPort(layout.serverPort());
    });
    ServerAddress address = new ServerAddress("127.0.0.1", port);
    context.connectTo(address, layout.adminIdentity());
    WhoAmIResponse admin = poller.await("the server at " + address + " to answer", config.startTimeout(), () -> {
      requireAlive("convoy-server", server, layout.serverLog());
      return whoAmI();
    });
    out.println("    convoy-server running (pid " + server.pid() + ") at " + address + " as " + admin.getName()
        + "; log: " + layout.serverLog());
    return new ServerInfo(address, fingerprint, layout.adminIdentity(), server.pid());
  }

  static String fingerprint(String initOutput) {
    Matcher matcher = FINGERPRINT.matcher(initOutput);
    if (!matcher.find()) {
      throw new CommandFailedException("convoy-server init printed no 'CA fingerprint: SHA256:...' line:\n"
          + indent(initOutput));
    }
    return matcher.group(1);
  }

  private Optional<WhoAmIResponse> whoAmI() {
    try {
      return Optional.of(context.admin().withDeadlineAfter(5, TimeUnit.SECONDS)
          .whoAmI(WhoAmIRequest.getDefaultInstance()));
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
        context.channel().resetConnectBackoff(); // retry now, not after gRPC's growing backoff
        return Optional.empty();
      }
      throw e;
    }
  }

  private static Optional<Integer> readPort(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(Files.readString(file).trim()));
    } catch (NumberFormatException e) {
      return Optional.empty(); // caught while being written: look again
    }
  }

  static void requireSuccess(String what, ProcessLauncher.Completed completed) {
    if (completed.exitCode() != 0) {
      throw new CommandFailedException(what + " exited with code " + completed.exitCode() + ":\n"
          + indent(completed.output()));
    }
  }

  /** @throws CommandFailedException with the end of its log, if {@code process} has exited */
  static void requireAlive(String what, ProcessHandle process, Path log) throws IOException {
    if (!process.isAlive()) {
      List<String> lines = Files.exists(log)
          ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList() : List.of();
      String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
      throw new CommandFailedException(what + " (pid " + process.pid() + ") exited; the end of " + log + ":\n"
          + indent(tail));
    }
  }

  static String indent(String text) {
    return text.strip().lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("    (no output)");
  }
}
