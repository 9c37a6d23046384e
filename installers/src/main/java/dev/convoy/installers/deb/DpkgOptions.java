package dev.convoy.installers.deb;

import dev.convoy.installers.script.Timeouts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which dpkg database and file tree the deb backend works on, and how long each dpkg run may take.
 *
 * <p>Without {@code dpkg_root} this is the machine's own dpkg, run as it is. With {@code dpkg_root} (an isolated
 * root: tests, containers, appliances) every dpkg call gets {@code --root=R} (files under R, database in
 * R/var/lib/dpkg unless {@code dpkg_admindir} says otherwise), {@code --log=R/var/log/dpkg.log} (else dpkg
 * appends to the machine's /var/log/dpkg.log), {@code --force-not-root} (the agent may own R without being root)
 * and {@code --force-script-chrootless} (maintainer scripts run without chroot(2), with {@code DPKG_ROOT=R}, since
 * R has no /bin/sh; they run with the agent's privileges, so an isolated root is only as isolated as its
 * packages' scripts honour DPKG_ROOT).
 *
 * @param root parameter {@code dpkg_root}: absolute, or null for the machine's dpkg
 * @param admindir parameter {@code dpkg_admindir}: absolute, only with a root; null for R/var/lib/dpkg
 * @param logFile parameter {@code dpkg_log}: absolute; default R/var/log/dpkg.log with a root, else null (dpkg's)
 * @param timeout parameter {@code timeout}, for each dpkg run
 */
public record DpkgOptions(Path root, Path admindir, Path logFile, Duration timeout) {
  public DpkgOptions {
    if (admindir != null && root == null) {
      throw new IllegalArgumentException("parameter dpkg_admindir: set without dpkg_root (expected: both, or"
          + " dpkg_root alone; a separate database for the machine's own files would lose track of them)");
    }
  }

  /**
   * The options the parameters declare.
   *
   * @throws IllegalArgumentException when a path is not absolute or the timeout is malformed, naming the parameter
   */
  public static DpkgOptions from(Map<String, String> parameters) {
    Path root = absolute(parameters, "dpkg_root");
    Path admindir = absolute(parameters, "dpkg_admindir");
    Path log = absolute(parameters, "dpkg_log");
    if (log == null && root != null) {
      log = root.resolve("var/log/dpkg.log");
    }
    return new DpkgOptions(root, admindir, log, Timeouts.fromParameters(parameters));
  }

  /** Whether dpkg works on an isolated root rather than the machine. */
  public boolean isolated() {
    return root != null;
  }

  /** The database directory dpkg and dpkg-query use, or null for dpkg's default. */
  public Path effectiveAdmindir() {
    return admindir != null ? admindir : root == null ? null : root.resolve("var/lib/dpkg");
  }

  /** {@code dpkg} with the root options, then {@code arguments}. */
  public List<String> dpkg(String... arguments) {
    List<String> command = new ArrayList<>(List.of("dpkg"));
    if (root != null) {
      command.add("--root=" + root);
    }
    if (admindir != null) {
      command.add("--admindir=" + admindir); // after --root, which sets its own default
    }
    if (logFile != null) {
      command.add("--log=" + logFile);
    }
    if (root != null) {
      command.addAll(List.of("--force-not-root", "--force-script-chrootless"));
    }
    command.addAll(List.of(arguments));
    return command;
  }

  /** {@code dpkg-query} on the same database, then {@code arguments}. */
  public List<String> dpkgQuery(String... arguments) {
    List<String> command = new ArrayList<>(List.of("dpkg-query"));
    if (effectiveAdmindir() != null) {
      command.add("--admindir=" + effectiveAdmindir());
    }
    command.addAll(List.of(arguments));
    return command;
  }

  private static Path absolute(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    if (value == null) {
      return null;
    }
    Path path = Path.of(value);
    if (!path.isAbsolute() || !path.normalize().equals(path)) {
      throw new IllegalArgumentException("parameter " + name + ": '" + value
          + "' (expected: an absolute path without '.' or '..')");
    }
    return path;
  }
}
