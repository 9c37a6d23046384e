package dev.convoy.server.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** This package is domain code (STYLE.md): no transport or storage technology, same rule as ArchitectureTest. */
class WindowPackageTest {
  static final Path SOURCES = Path.of("src/main/java/dev/convoy/server/window");
  static final Pattern FORBIDDEN = Pattern.compile(
      "\\b(io\\.grpc|com\\.google\\.protobuf|org\\.rocksdb|dev\\.convoy\\.server\\.grpc"
          + "|dev\\.convoy\\.server\\.storage|dev\\.convoy\\.server\\.pki)\\.");
  static final Pattern COMMENTS = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

  @Test
  void sources_useNoTransportOrStorageTechnology() throws IOException {
    List<Path> files;
    try (Stream<Path> sources = Files.list(SOURCES)) {
      files = sources.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertThat(files).hasSizeGreaterThan(5);
    for (Path file : files) {
      String code = COMMENTS.matcher(Files.readString(file)).replaceAll("");
      assertThat(FORBIDDEN.matcher(code).find()).as(file.toString()).isFalse();
    }
  }
}
