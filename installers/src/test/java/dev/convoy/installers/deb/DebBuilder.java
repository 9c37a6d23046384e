package dev.convoy.installers.deb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Builds real .deb files at test time with {@code dpkg-deb --root-owner-group --build} from a temporary tree:
 * DEBIAN/control, optional maintainer scripts and conffiles, and the files. Maintainer scripts refuse to run
 * without {@code DPKG_ROOT} (they run chrootless, as this user, on the host) so a mistake can never touch the
 * machine.
 */
public final class DebBuilder {
  private static final String GUARD =
      "#!/bin/sh\nset -e\n[ -n \"$DPKG_ROOT\" ] && [ \"$DPKG_ROOT\" != / ] || exit 99\n";

  private final String packageName;
  private final String version;
  private final Map<String, String> files = new LinkedHashMap<>();
  private final Map<String, String> scripts = new LinkedHashMap<>();
  private final List<String> conffiles = new ArrayList<>();

  private DebBuilder(String packageName, String version) {
    this.packageName = packageName;
    this.version = version;
  }

  /** A package with {@code /usr/share/<name>/readme} ("<name> <version>") and {@code only-<version>}. */
  public static DebBuilder of(String packageName, String version) {
    return new DebBuilder(packageName, version)
        .file("usr/share/" + packageName + "/readme", packageName + " " + version + "\n")
        .file("usr/share/" + packageName + "/only-" + version, version + "\n");
  }

  public DebBuilder file(String path, String content) {
    files.put(path, content);
    return this;
  }

  public DebBuilder conffile(String path, String content) {
    conffiles.add("/" + path);
    return file(path, content);
  }

  /** A maintainer script ({@code postinst}, {@code prerm}, ...): {@code body} after a DPKG_ROOT guard. */
  public DebBuilder script(String name, String body) {
    scripts.put(name, GUARD + body + "\n");
    return this;
  }

  /** Builds {@code <dir>/<name>_<version>-<random>.deb}. */
  public Path build(Path dir) {
    try {
      Path tree = Files.createTempDirectory(dir, "tree-");
      Path debian = Files.createDirectories(tree.resolve("DEBIAN"));
      Files.writeString(debian.resolve("control"), "Package: " + packageName + "\nVersion: " + version
          + "\nArchitecture: all\nMaintainer: Convoy Tests <tests@convoy.invalid>\nDescription: Convoy test package\n");
      if (!conffiles.isEmpty()) {
        Files.writeString(debian.resolve("conffiles"), String.join("\n", conffiles) + "\n");
      }
      for (Map.Entry<String, String> script : scripts.entrySet()) {
        Path file = debian.resolve(script.getKey());
        Files.writeString(file, script.getValue());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = tree.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
      }
      Path deb = dir.resolve(packageName + "_" + version.replace(':', '%') + "-" + UUID.randomUUID() + ".deb");
      run("dpkg-deb", "--root-owner-group", "-Zgzip", "--build", tree.toString(), deb.toString());
      return deb;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a dpkg tool directly (not through the code under test) and returns its stdout; fails on non-zero exit. */
  static String run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
