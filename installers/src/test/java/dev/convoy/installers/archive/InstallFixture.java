package dev.convoy.installers.archive;

import dev.convoy.installers.InstallContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A managed root, a work directory and release payloads in a temporary directory, for tests that install for
 * real. Every version's payload holds an executable, a text file, a symlink and a file only that version has.
 */
public final class InstallFixture {
  public static final String PACKAGE = "hello";

  private final Path temp;
  private final List<String> log = new ArrayList<>();

  public InstallFixture(Path temp) {
    this.temp = temp;
  }

  public Path managedRoot() {
    return temp.resolve("managed");
  }

  public Path packageDir() {
    return managedRoot().resolve(PACKAGE);
  }

  public Path current() {
    return packageDir().resolve("current");
  }

  public List<String> log() {
    return log;
  }

  public InstallContext context(String version) {
    return context(version, payload(version), Map.of(), 0);
  }

  public InstallContext context(String version, Path payload, Map<String, String> parameters, long expectedSize) {
    return new InstallContext(PACKAGE, version, payload, managedRoot(), temp.resolve("work"), parameters,
        expectedSize, log::add);
  }

  /** The release payload of {@code version} (written once, then reused). */
  public Path payload(String version) {
    Path payload = temp.resolve("payloads").resolve(PACKAGE + "-" + version + ".tar.gz");
    if (!Files.exists(payload)) {
      try {
        Files.createDirectories(payload.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ArchiveBuilder.tarGz().dir("./").dir("bin/")
          .executable("bin/hello", "#!/bin/sh\necho hello " + version + "\n")
          .file("share/readme.txt", "readme of " + version + "\n")
          .symlink("share/latest", "readme.txt")
          .file("only-" + version + ".txt", version)
          .write(payload);
    }
    return payload;
  }

  /** The files the current version shows, through the current link. */
  public SortedMap<String, String> installedTree() {
    if (!Files.exists(current())) {
      return new TreeMap<>();
    }
    try {
      return TreeSnapshot.of(current().toRealPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything in the package directory, links not followed. */
  public SortedMap<String, String> packageTree() {
    return TreeSnapshot.of(packageDir());
  }

  /** The version {@code current} points at, or null. */
  public String currentVersion() {
    try {
      if (!Files.exists(current(), LinkOption.NOFOLLOW_LINKS)) {
        return null;
      }
      Path target = Files.readSymbolicLink(current());
      return target.getName(0).toString().equals("versions") ? target.getName(1).toString() : target.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names directly in {@code versions/}, sorted. */
  public List<String> versions() {
    try (var stream = Files.list(packageDir().resolve("versions"))) {
      return stream.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names directly in the package directory, sorted. */
  public List<String> packageEntries() {
    try (var stream = Files.list(packageDir())) {
      return stream.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
