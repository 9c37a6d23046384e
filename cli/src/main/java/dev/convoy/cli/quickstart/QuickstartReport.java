package dev.convoy.cli.quickstart;

import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.campaign.CampaignWatch;
import dev.convoy.protocol.v1.CampaignStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Step 7 of the quick start: the outcome, where the files landed, what to try next, and the env file that points
 * the CLI at the quick start's server. Not thread-safe.
 */
final class QuickstartReport {
  private final CliContext context;
  private final QuickstartConfig config;
  private final PrintWriter out;

  QuickstartReport(CliContext context, QuickstartConfig config) {
    this.context = context;
    this.config = config;
    this.out = context.out();
  }

  /** Writes {@code CONVOY_SERVER} and {@code CONVOY_IDENTITY} to the env file, sh-quoted when needed. */
  void writeEnv(ServerInfo server) throws IOException {
    Files.writeString(config.layout().env(), envLines(server), StandardCharsets.UTF_8);
  }

  static String envLines(ServerInfo server) {
    return "CONVOY_SERVER=" + server.address() + "\n"
        + "CONVOY_IDENTITY=" + shellQuote(server.adminIdentity().toAbsolutePath().toString()) + "\n";
  }

  /** Prints the outcome and the hints. @return 0 if every endpoint SUCCEEDED, 1 otherwise */
  int print(CampaignWatch.Outcome outcome, ServerInfo server, String publisherKeyId) throws IOException {
    CampaignStatus status = outcome.last();
    boolean success = outcome.allSucceeded() && status.getTotal() == config.agents();
    out.println();
    out.println(status.getSucceeded() + "/" + status.getTotal() + " endpoints SUCCEEDED"
        + (status.getFailed() > 0 ? ", " + status.getFailed() + " FAILED" : "")
        + (status.getInProgress() > 0 ? ", " + status.getInProgress() + " still in progress" : "")
        + (outcome.timedOut() ? " (stopped watching after " + config.campaignTimeout().toSeconds() + " s)" : ""));
    out.println("Signed by publisher key " + publisherKeyId + " (" + show(config.layout().publisherPrivateKey())
        + ")");
    landed();
    tryNext(status.getCampaign().getCampaignId());
    out.println();
    out.println("To use the CLI against this server (./convoy reads " + show(config.layout().env()) + " itself):");
    envLines(server).lines().forEach(line -> out.println("  export " + line));
    out.println();
    out.println("The server and agents keep running; stop them with: ./convoy quickstart --stop");
    if (!success) {
      context.err().println("Not every endpoint succeeded: see the table above and the agent logs.");
    }
    return success ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private void landed() throws IOException {
    out.println();
    out.println("Where the files landed:");
    String pkg = Quickstart.EXAMPLE.name();
    for (int n = 1; n <= config.agents(); n++) {
      Path current = config.layout().managedCurrent(n, pkg);
      out.println("  " + show(current) + "/" + (Files.isDirectory(current) ? "" : "  (not there)"));
    }
    Path first = config.layout().managedCurrent(1, pkg);
    if (Files.isDirectory(first)) {
      out.println();
      out.println("In " + show(first) + "/:");
      Path real = first.toRealPath(); // current is a symlink to versions/<version>
      try (Stream<Path> walk = Files.walk(real)) {
        for (Path file : walk.filter(p -> !p.equals(real)).sorted().toList()) {
          out.println("  " + describe(real, file));
        }
      }
    }
  }

  private void tryNext(String campaignId) {
    QuickstartLayout layout = config.layout();
    out.println();
    out.println("What to try next:");
    for (String line : List.of(
        "./convoy agent list",
        "./convoy campaign status " + campaignId,
        "./convoy campaign list",
        "./convoy publisher list",
        "./convoy release docs " + Quickstart.EXAMPLE + "; ./convoy release readiness " + Quickstart.EXAMPLE,
        "./convoy kb search space",
        show(layout.managedCurrent(1, Quickstart.EXAMPLE.name())) + "/bin/hello-convoy",
        "tail -f " + show(layout.serverLog()),
        "tail -f " + show(layout.agentLog(1)),
        "./convoy quickstart --stop")) {
      out.println("  " + line);
    }
  }

  private static String describe(Path root, Path file) throws IOException {
    String name = root.relativize(file).toString();
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      return name + "/";
    }
    String mode;
    try {
      mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
    } catch (UnsupportedOperationException e) {
      mode = "";
    }
    return name + "  " + mode + "  " + Files.size(file) + " bytes";
  }

  /** Relative to the working directory when inside it: shorter, and what the user typed. */
  private String show(Path path) {
    Path cwd = context.environment().workingDirectory();
    return path.startsWith(cwd) ? "./" + cwd.relativize(path) : path.toString();
  }

  static String shellQuote(String value) {
    return value.matches("[A-Za-z0-9_./:@%+=,-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
  }
}
