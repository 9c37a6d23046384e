package dev.convoy.agent.inventory.packages;

import dev.convoy.agent.process.Command;
import dev.convoy.agent.process.CommandResult;
import dev.convoy.agent.process.CommandRunner;
import dev.convoy.agent.process.Executables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The RPM database, through {@code rpm -qa --qf}, when {@code rpm} is installed. The full version is
 * {@code [epoch:]version-release}, the upstream version rpm's {@code VERSION}. The {@code gpg-pubkey} entries
 * (imported signing keys, not software) are left out.
 *
 * <p>Immutable and thread-safe.
 */
public final class RpmDatabase implements PackageDatabase {
  /** rpm expands {@code \t} and {@code \n} in its query format itself; no shell is involved. */
  static final String FORMAT = "%{NAME}\\t%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}\\t%{VERSION}\\t%{ARCH}\\n";

  private final CommandRunner runner;
  private final Executables executables;
  private final Duration timeout;

  public RpmDatabase(CommandRunner runner, Executables executables, Duration timeout) {
    this.runner = runner;
    this.executables = executables;
    this.timeout = timeout;
  }

  @Override
  public String source() {
    return "rpm";
  }

  @Override
  public Optional<List<InstalledPackage>> installed() {
    Optional<Path> tool = executables.find("rpm");
    if (tool.isEmpty()) {
      return Optional.empty();
    }
    Command command = Command.of(tool.get(), List.of("-qa", "--qf", FORMAT), timeout, DpkgDatabase.MAX_OUTPUT);
    CommandResult result = runner.run(command);
    if (!result.succeeded()) {
      throw new PackageQueryException("rpm: " + result.failure(command));
    }
    return Optional.of(MultiArch.unique(parse(result.stdout())));
  }

  /** Packages from lines {@code name TAB full version TAB version TAB arch}. */
  static List<InstalledPackage> parse(String output) {
    List<InstalledPackage> packages = new ArrayList<>();
    for (String line : output.split("\n")) {
      String[] fields = line.split("\t", -1);
      if (fields.length < 4 || fields[0].isEmpty() || fields[0].equals("gpg-pubkey") || fields[1].isEmpty()) {
        continue;
      }
      String arch = fields[3].equals("(none)") ? "" : fields[3];
      packages.add(new InstalledPackage(fields[0], fields[1], fields[2], arch, "rpm"));
    }
    return packages;
  }
}
