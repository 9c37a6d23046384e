package dev.convoy.installers.deb;

import dev.convoy.installers.InstallLog;
import dev.convoy.installers.script.CleanEnvironment;
import dev.convoy.installers.script.ProcessOutcome;
import dev.convoy.installers.script.ProcessRunner;
import dev.convoy.installers.script.ProcessSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dpkg tools as the deb backend runs them: each call a separate process through a {@link ProcessRunner}
 * (timeout, output captured into the install log) with a clean environment ({@link CleanEnvironment} plus
 * {@code DEBIAN_FRONTEND=noninteractive}, so debconf never waits for an answer), on the database and root of
 * {@link DpkgOptions}. Installs are non-interactive: {@code --force-confdef --force-confold} keeps a locally changed
 * configuration file instead of asking. Confined to one step of one run.
 */
public final class Dpkg {
  private static final String STATUS_PREFIX = "convoy-status\t";

  private final ProcessRunner runner;
  private final DpkgOptions options;
  private final Path workDir;
  private final InstallLog log;

  public Dpkg(ProcessRunner runner, DpkgOptions options, Path workDir, InstallLog log) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.options = Objects.requireNonNull(options, "options");
    this.workDir = Objects.requireNonNull(workDir, "workDir");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * What the database says about {@code packageName} ({@code dpkg-query -W}).
   *
   * @throws IllegalStateException when dpkg-query fails for another reason than not knowing the package
   */
  public DpkgStatus query(String packageName) {
    ProcessOutcome outcome = run("dpkg-query", options.dpkgQuery("-W",
        "--showformat=" + STATUS_PREFIX + "${Version}\\t${db:Status-Abbrev}\\n", packageName));
    for (String line : outcome.lines()) {
      if (line.startsWith(STATUS_PREFIX)) {
        String[] parts = line.substring(STATUS_PREFIX.length()).split("\t", 2);
        return new DpkgStatus(parts[0], parts.length > 1 ? parts[1] : null);
      }
    }
    if (outcome.exitedWith(1)) { // "no packages found matching": dpkg has no record of it
      return DpkgStatus.unknown();
    }
    throw new IllegalStateException("dpkg-query " + packageName + ": " + describe(outcome));
  }

  /**
   * The control fields {@code names} of the .deb at {@code deb} ({@code dpkg-deb --field}).
   *
   * @throws IllegalArgumentException when the file is not a Debian package or lacks a field, with dpkg-deb's words
   */
  public Map<String, String> fields(Path deb, String... names) {
    List<String> command = new ArrayList<>(List.of("dpkg-deb", "--field", deb.toString()));
    command.addAll(List.of(names));
    ProcessOutcome outcome = run("dpkg-deb", command);
    if (!outcome.exitedWith(0)) {
      throw new IllegalArgumentException(deb.getFileName() + ": not a readable Debian package (" + describe(outcome)
          + ")");
    }
    Map<String, String> fields = new HashMap<>();
    for (String line : outcome.lines()) {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        fields.put(line.substring(0, colon), line.substring(colon + 2).trim());
      }
    }
    for (String name : names) {
      if (!fields.containsKey(name)) {
        throw new IllegalArgumentException(deb.getFileName() + ": no " + name + " field (expected: a Debian package)");
      }
    }
    return fields;
  }

  /** {@code dpkg -i --force-confdef --force-confold deb}. */
  public ProcessOutcome install(Path deb) {
    return run("dpkg -i", options.dpkg("--force-confdef", "--force-confold", "--install", deb.toString()));
  }

  /** {@code dpkg --remove} (or {@code --purge}, which also deletes configuration files) of {@code packageName}. */
  public ProcessOutcome remove(String packageName, boolean purge) {
    String action = purge ? "--purge" : "--remove";
    return run("dpkg " + action, options.dpkg(action, packageName));
  }

  /** {@code dpkg --verify packageName}: one output line per file whose content differs from the package's. */
  public ProcessOutcome verify(String packageName) {
    return run("dpkg --verify", options.dpkg("--verify", packageName));
  }

  /** The outcome for a message: exit code or what happened, and the last lines of output. */
  public static String describe(ProcessOutcome outcome) {
    String what = outcome.status() == ProcessOutcome.Status.EXITED ? "exit " + outcome.exitCode() : outcome.detail();
    return outcome.excerpt().isEmpty() ? what : what + ": " + outcome.excerpt();
  }

  private ProcessOutcome run(String label, List<String> command) {
    try {
      Files.createDirectories(workDir);
      if (options.logFile() != null && options.isolated()) {
        Files.createDirectories(options.logFile().getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(label + ": " + e.getMessage(), e);
    }
    Map<String, String> env = CleanEnvironment.base(workDir);
    env.put("DEBIAN_FRONTEND", "noninteractive");
    return runner.run(new ProcessSpec(label, command, workDir, env, options.timeout()), log);
  }
}
