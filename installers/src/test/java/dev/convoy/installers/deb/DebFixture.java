package dev.convoy.installers.deb;

import dev.convoy.installers.InstallContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An isolated dpkg root, managed root, work directory, .deb directory and log in a temporary directory. Contexts
 * carry {@code dpkg_root}, so nothing reaches the machine's dpkg.
 */
public final class DebFixture {
  public static final String PACKAGE = "convoy-hello";

  private final Path temp;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  public DebFixture(Path temp) {
    this.temp = temp;
    try {
      Files.createDirectories(debs());
      Files.createDirectories(managedRoot());
      Files.createDirectories(root());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path root() {
    return temp.resolve("root");
  }

  public Path managedRoot() {
    return temp.resolve("managed");
  }

  public Path debs() {
    return temp.resolve("debs");
  }

  public Path packageDir() {
    return managedRoot().resolve(PACKAGE);
  }

  public List<String> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /** The parameters every context gets: the isolated root. */
  public Map<String, String> isolation() {
    return Map.of("dpkg_root", root().toString());
  }

  public InstallContext context(String version, Path deb, Map<String, String> parameters) {
    Map<String, String> all = new HashMap<>(isolation());
    all.putAll(parameters);
    return new InstallContext(PACKAGE, version, deb, managedRoot(), temp.resolve("work"), all, 0, log::add);
  }

  public InstallContext context(String version, Path deb) {
    return context(version, deb, Map.of());
  }

  /** {@code dpkg-query} run directly on the isolated database: "version status", or null when unknown. */
  public String dpkgQuery(String packageName) {
    try {
      return DebBuilder.run("dpkg-query", "--admindir=" + root().resolve("var/lib/dpkg"), "-W",
          "--showformat=${Version} ${db:Status-Abbrev}", packageName).strip();
    } catch (IllegalStateException e) {
      return null; // dpkg-query exits 1 for a package it has no record of
    }
  }

  /** Installs {@code deb} directly with dpkg (as if outside Convoy). */
  public void dpkgInstall(Path deb) {
    DebBuilder.run("dpkg", "--root=" + root(), "--log=" + temp.resolve("direct-dpkg.log"), "--force-not-root",
        "--force-script-chrootless", "-i", deb.toString());
  }

  /** The names in {@code managedRoot/convoy-hello/deb}, sorted; empty when it does not exist. */
  public List<String> kept() {
    Path dir = packageDir().resolve("deb");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path installed(String path) {
    return root().resolve(path);
  }
}
