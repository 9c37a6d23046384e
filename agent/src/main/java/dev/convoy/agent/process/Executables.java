package dev.convoy.agent.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds programs by name in a fixed list of directories, the way a shell searches PATH (but without one).
 * Tests give their own directories, so "rpm is absent" and "rpm is this fake" are both real cases.
 *
 * <p>Immutable and thread-safe.
 */
public final class Executables {
  private final List<Path> directories;

  public Executables(List<Path> directories) {
    this.directories = List.copyOf(directories);
  }

  /** The directories of {@link Command#CLEAN_PATH}, then those of the agent's own PATH. */
  public static Executables system() {
    List<Path> dirs = new ArrayList<>();
    String own = System.getenv("PATH");
    for (String dir : (Command.CLEAN_PATH + File.pathSeparator + (own == null ? "" : own)).split(File.pathSeparator)) {
      try {
        if (!dir.isBlank() && Path.of(dir).isAbsolute() && !dirs.contains(Path.of(dir))) {
          dirs.add(Path.of(dir));
        }
      } catch (InvalidPathException e) {
        // an unusable PATH entry is skipped, as a shell would
      }
    }
    return new Executables(dirs);
  }

  /** The first executable regular file called {@code name}, if any. */
  public Optional<Path> find(String name) {
    for (Path dir : directories) {
      Path candidate = dir.resolve(name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
