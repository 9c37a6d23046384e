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
 * Debian's package database, through {@code dpkg-query -W}: every package whose status is "installed" (second
 * letter of {@code db:Status-Abbrev} is {@code i}: {@code ii}, and also {@code hi}, a held package, which is as
 * installed as any). Half-installed, unpacked, config-files-only packages are left out.
 *
 * <p>Immutable and thread-safe.
 */
public final class DpkgDatabase implements PackageDatabase {
  /** dpkg-query expands {@code \t} and {@code \n} in its format itself; no shell is involved. */
  static final String FORMAT = "${Package}\\t${Version}\\t${Architecture}\\t${db:Status-Abbrev}\\n";
  /** Room for tens of thousands of packages. */
  static final int MAX_OUTPUT = 16 * 1024 * 1024;

  private final CommandRunner runner;
  private final Executables executables;
  private final Path adminDir;
  private final Duration timeout;

  /** @param adminDir dpkg's database directory, or null for the system's ({@code /var/lib/dpkg}) */
  public DpkgDatabase(CommandRunner runner, Executables executables, Path adminDir, Duration timeout) {
    this.runner = runner;
    this.executables = executables;
    this.adminDir = adminDir;
    this.timeout = timeout;
  }

  @Override
  public String source() {
    return "dpkg";
  }

  @Override
  public Optional<List<InstalledPackage>> installed() {
    Optional<Path> tool = executables.find("dpkg-query");
    if (tool.isEmpty()) {
      return Optional.empty();
    }
    List<String> args = new ArrayList<>();
    if (adminDir != null) {
      args.add("--admindir=" + adminDir);
    }
    args.add("-W");
    args.add("-f=" + FORMAT);
    Command command = Command.of(tool.get(), args, timeout, MAX_OUTPUT);
    CommandResult result = runner.run(command);
    if (!result.succeeded()) {
      throw new PackageQueryException("dpkg-query: " + result.failure(command));
    }
    return Optional.of(MultiArch.unique(parse(result.stdout())));
  }

  /** The installed packages among {@code dpkg-query} lines {@code name TAB version TAB arch TAB status}. */
  static List<InstalledPackage> parse(String output) {
    List<InstalledPackage> packages = new ArrayList<>();
    for (String line : output.split("\n")) {
      String[] fields = line.split("\t", -1);
      if (fields.length < 4 || fields[0].isEmpty() || fields[1].isEmpty() || !installed(fields[3])) {
        continue;
      }
      packages.add(new InstalledPackage(fields[0], fields[1], Versions.debianUpstream(fields[1]), fields[2], "dpkg"));
    }
    return packages;
  }

  /** {@code db:Status-Abbrev}: desired action, package status, error flag; status {@code i} = installed. */
  private static boolean installed(String status) {
    return status.length() >= 2 && status.charAt(1) == 'i';
  }
}
