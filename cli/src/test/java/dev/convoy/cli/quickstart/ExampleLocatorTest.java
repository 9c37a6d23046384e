package dev.convoy.cli.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.cli.CommandFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleLocatorTest {
  @TempDir
  Path repo;

  @Test
  void locate_fromWorkingDirectory() throws IOException {
    Path example = Files.createDirectories(repo.resolve(ExampleLocator.RELATIVE));

    assertThat(ExampleLocator.locate(Optional.empty(), repo, Optional.empty())).isEqualTo(example);
  }

  @Test
  void locate_fromDistributionInsideTheRepository() throws IOException {
    Path example = Files.createDirectories(repo.resolve(ExampleLocator.RELATIVE));
    Path home = Files.createDirectories(repo.resolve("distribution/target/convoy"));

    assertThat(ExampleLocator.locate(Optional.empty(), repo.resolve("elsewhere"), Optional.of(home)))
        .isEqualTo(example);
  }

  @Test
  void locate_override_wins() throws IOException {
    Files.createDirectories(repo.resolve(ExampleLocator.RELATIVE));
    Path mine = Files.createDirectories(repo.resolve("mine"));

    assertThat(ExampleLocator.locate(Optional.of(mine), repo, Optional.empty())).isEqualTo(mine);
  }

  @Test
  void locate_nowhere_namesWhereItLookedAndTheOption() {
    assertThatThrownBy(() -> ExampleLocator.locate(Optional.empty(), repo, Optional.empty()))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining(repo.resolve(ExampleLocator.RELATIVE).toString())
        .hasMessageContaining("--example DIR");
  }

  @Test
  void repositoryExample_isThere() {
    Path example = Path.of("..").resolve(ExampleLocator.RELATIVE);

    assertThat(example.resolve("bin/hello-convoy")).isExecutable();
    assertThat(example.resolve("share/doc/README.md")).isRegularFile();
    assertThat(example.resolve("etc/hello-convoy.conf")).isRegularFile();
  }
}
