package dev.convoy.agent.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir
  Path dir;

  @Test
  void write_replacesTheWholeFile_andLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("sub/state.txt");
    AtomicFile.write(target, "a much longer first content".getBytes(StandardCharsets.UTF_8));

    AtomicFile.write(target, "second".getBytes(StandardCharsets.UTF_8));

    assertThat(Files.readString(target)).isEqualTo("second");
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void propertiesFile_awkwardValues_roundTrip() throws Exception {
    Path file = dir.resolve("x.properties");
    Map<String, String> values = Map.of(
        "detail", "line one\nline two\twith tab \\ backslash = equals : colon # hash",
        "leading", "  two spaces first",
        "unicode", "Grüße, 日本",
        "empty", "");

    PropertiesFile.write(file, "test", values);

    assertThat(PropertiesFile.read(file)).isEqualTo(values);
    assertThat(Files.readAllLines(file)).first().isEqualTo("# test");
  }

  @Test
  void propertiesFile_output_isSortedAndStable() throws Exception {
    Path file = dir.resolve("y.properties");
    PropertiesFile.write(file, "h", Map.of("b", "2", "a", "1", "c", "3"));
    byte[] first = Files.readAllBytes(file);

    PropertiesFile.write(file, "h", Map.of("c", "3", "a", "1", "b", "2"));

    assertThat(Files.readAllLines(file)).containsExactly("# h", "a=1", "b=2", "c=3");
    assertThat(Files.readAllBytes(file)).isEqualTo(first);
  }
}
