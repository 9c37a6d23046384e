package dev.convoy.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * gRPC stays at the edge: outside {@code dev.convoy.agent.grpc}, main code names nothing from io.grpc,
 * com.google.protobuf, io.netty or the generated stubs ({@code dev.convoy.protocol}).
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/dev/convoy/agent");
  private static final List<String> FORBIDDEN = List.of("io.grpc.", "com.google.protobuf.", "io.netty.", "dev.convoy.protocol.");

  @Test
  void domainPackages_importNothingFromGrpcOrProtobuf() throws IOException {
    List<String> violations;
    try (Stream<Path> files = Files.walk(MAIN)) {
      violations = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !MAIN.relativize(f).startsWith("grpc"))
          .flatMap(ArchitectureTest::violations)
          .toList();
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void scan_seesTheGrpcPackage_soItCannotPassVacuously() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN.resolve("grpc"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".java")).flatMap(ArchitectureTest::violations)).isNotEmpty();
    }
  }

  private static Stream<String> violations(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.stream()
          .filter(line -> FORBIDDEN.stream().anyMatch(line::contains))
          .map(line -> MAIN.relativize(file) + ": " + line.trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
