package dev.convoy.server;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.people.IssuedIdentity;
import dev.convoy.server.people.ProfileChange;
import dev.convoy.server.people.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convoy-server identity issue}: a person identity issued on a stopped server's data directory. */
@Command(name = "identity", mixinStandardHelpOptions = true,
    description = "Person identities, on a stopped server's data directory.",
    subcommands = {IdentityCommand.Issue.class})
final class IdentityCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: issue");
  }

  @Command(name = "issue", mixinStandardHelpOptions = true, description = {
      "Issue a person identity file with the server's CA while the server is stopped (refused while it runs).",
      "A new name registers the person; an existing one gets another certificate and keeps unchanged what is not "
          + "given."})
  static final class Issue implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The server's data directory.")
    Path data;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The person's name.")
    String name;

    @Option(names = "--role", split = ",", paramLabel = "ROLE",
        description = "Roles (comma-separated or repeated): admin, release-manager, approver, technician, "
            + "service-desk, observer. Required for a new person.")
    List<String> roles = new ArrayList<>();

    @Option(names = "--scope", split = ",", paramLabel = "GROUP",
        description = "Groups the roles are limited to (default: none = every endpoint).")
    List<String> scopes;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "Where notifications to the person go.")
    String email;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Identity file to write (0600).")
    Path out;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        IssuedIdentity issued = OfflineIdentityIssuer.issue(data, name,
            new ProfileChange(roles.isEmpty() ? null : roles(roles), scopes == null ? null : Set.copyOf(scopes),
                email), this.out.toAbsolutePath(), Clock.systemUTC());
        out.println((issued.reissued() ? "Issued another certificate to " : "Registered ") + issued.person().name()
            + " (roles: " + String.join(",", issued.person().roles().stream().map(Role::label).sorted().toList())
            + "; scope: " + issued.person().scope() + ")");
        out.println("Identity file: " + this.out.toAbsolutePath() + " (serial " + issued.certificate().serialHex()
            + ", valid until " + issued.certificate().notAfter() + "; keep it secret)");
        out.flush();
        return 0;
      } catch (ConvoyException | IllegalArgumentException | IOException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("convoy-server identity issue: " + e.getMessage());
        err.flush();
        return 1;
      }
    }

    private static Set<Role> roles(List<String> labels) {
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (String label : new LinkedHashSet<>(labels)) {
        roles.add(Role.fromLabel(label.trim().toLowerCase(Locale.ROOT).replace('_', '-')).orElseThrow(
            () -> new IllegalArgumentException("--role: '" + label + "' (expected: one of " + Role.labels() + ")")));
      }
      return roles;
    }
  }
}
