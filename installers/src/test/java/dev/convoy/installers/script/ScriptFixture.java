package dev.convoy.installers.script;

import dev.convoy.installers.InstallContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A managed root, work directory, payload directory and log in a temporary directory, for script-backend tests. */
public final class ScriptFixture {
  public static final String PACKAGE = "hello";

  private final Path temp;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  public ScriptFixture(Path temp) {
    this.temp = temp;
    try {
      Files.createDirectories(payloads());
      Files.createDirectories(managedRoot()); // the agent's managed root always exists
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path managedRoot() {
    return temp.resolve("managed");
  }

  public Path workDir() {
    return temp.resolve("work");
  }

  public Path payloads() {
    return temp.resolve("payloads");
  }

  public Path packageDir() {
    return managedRoot().resolve(PACKAGE);
  }

  /** Where the test payloads' scripts install the app. */
  public Path app() {
    return packageDir().resolve("current");
  }

  public List<String> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  public void clearLog() {
    log.clear();
  }

  public InstallContext context(String version, Path payload, Map<String, String> parameters) {
    return new InstallContext(PACKAGE, version, payload, managedRoot(), workDir(), parameters, 0, log::add);
  }

  public InstallContext context(String version, ScriptPayloads payload) {
    return context(version, payload.write(payloads()), Map.of());
  }

  /** The names in {@code managedRoot/hello/script}, sorted; empty when it does not exist. */
  public List<String> scriptEntries() {
    Path dir = packageDir().resolve("script");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The VERSION file the app's install wrote, or null. */
  public String appVersion() {
    try {
      Path file = app().resolve("VERSION");
      return Files.exists(file) ? Files.readString(file).strip() : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
