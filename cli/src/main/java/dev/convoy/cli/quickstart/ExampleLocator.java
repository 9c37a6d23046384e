package dev.convoy.cli.quickstart;

import dev.convoy.cli.CommandFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the example release the quick start publishes: {@code --example DIR} if given, else
 * {@code examples/hello-convoy/1.0.0} under the current directory, else under the repository that holds the
 * distribution ({@code convoy.home/../../..}, as {@code distribution/target/convoy} sits in it).
 */
public final class ExampleLocator {
  /** Where the example sits in the repository. */
  public static final Path RELATIVE = Path.of("examples", "hello-convoy", "1.0.0");

  private ExampleLocator() {}

  /** @throws CommandFailedException naming every place looked at, when none is a directory */
  public static Path locate(Optional<Path> override, Path workingDirectory, Optional<Path> convoyHome) {
    List<Path> candidates = new ArrayList<>();
    if (override.isPresent()) {
      candidates.add(override.get());
    } else {
      candidates.add(workingDirectory.resolve(RELATIVE));
      convoyHome.ifPresent(home -> candidates.add(home.resolve("../../..").resolve(RELATIVE)));
    }
    return candidates.stream().map(p -> p.toAbsolutePath().normalize()).filter(Files::isDirectory).findFirst()
        .orElseThrow(() -> new CommandFailedException("example release not found; looked in "
            + candidates.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()
            + " (run from the repository root, or pass --example DIR)"));
  }
}
