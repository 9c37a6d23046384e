package dev.convoy.server.inventory.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The query language is domain code: it may import the JDK and nothing else (STYLE.md). */
class DomainPurityTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/convoy/server/inventory/query");

  @Test
  void imports_mainSources_jdkOnly() throws IOException {
    List<String> imports;
    try (Stream<Path> files = Files.list(SOURCES)) {
      imports = files.filter(file -> file.toString().endsWith(".java")).flatMap(DomainPurityTest::lines)
          .filter(line -> line.startsWith("import ")).distinct().toList();
    }

    assertThat(imports).isNotEmpty().allMatch(line -> line.matches("import (static )?java\\.[\\w.]+;"));
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new IllegalStateException(file.toString(), e);
    }
  }
}
