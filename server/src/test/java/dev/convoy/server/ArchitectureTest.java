package dev.convoy.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Domain packages stay free of transport and storage technology (STYLE.md "Layout shows the architecture"): no
 * import of, and no qualified reference to, io.grpc, com.google.protobuf or org.rocksdb, nor to the server's own
 * adapters. Comments are ignored; code is not.
 */
class ArchitectureTest {
  static final Path SOURCES = Path.of("src/main/java/dev/convoy/server");
  /** Domain packages (a directory each; sub-packages are separate, e.g. storage/rocksdb is an adapter). */
  static final List<String> DOMAIN = List.of("audit", "campaign", "campaign/plan", "catalogue", "common",
      "compliance", "endpoint", "enrollment", "error", "group", "inventory", "inventory/query", "knowledge", "notify",
      "people", "storage", "technician", "window");
  static final Pattern FORBIDDEN = Pattern.compile(
      "\\b(io\\.grpc|com\\.google\\.protobuf|org\\.rocksdb|dev\\.convoy\\.server\\.grpc"
          + "|dev\\.convoy\\.server\\.storage\\.rocksdb|dev\\.convoy\\.server\\.storage\\.file"
          + "|dev\\.convoy\\.server\\.pki)\\.");
  private static final Pattern COMMENTS = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

  /** Lines of {@code source} (comments removed) that use a forbidden package. */
  static List<String> violations(String source) {
    List<String> found = new ArrayList<>();
    for (String line : COMMENTS.matcher(source).replaceAll("").split("\n")) {
      Matcher m = FORBIDDEN.matcher(line);
      if (m.find()) {
        found.add(line.trim());
      }
    }
    return found;
  }

  @Test
  void domainPackages_useNoTransportOrStorageTechnology() throws IOException {
    List<String> problems = new ArrayList<>();
    int files = 0;
    for (String domain : DOMAIN) {
      Path directory = SOURCES.resolve(domain);
      assertThat(directory).as("domain package directory").isDirectory();
      try (Stream<Path> sources = Files.list(directory)) {
        for (Path file : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
          files++;
          violations(Files.readString(file)).forEach(line -> problems.add(file + ": " + line));
        }
      }
    }
    assertThat(files).as("domain source files scanned").isGreaterThan(40);
    assertThat(problems).isEmpty();
  }

  @Test
  void violations_detectImportsAndQualifiedUseButNotComments() {
    assertThat(violations("import io.grpc.Status;\nclass A {}")).containsExactly("import io.grpc.Status;");
    assertThat(violations("class A { org.rocksdb.RocksDB db; }")).hasSize(1);
    assertThat(violations("import static com.google.protobuf.ByteString.copyFrom;")).hasSize(1);
    assertThat(violations("import dev.convoy.server.storage.rocksdb.RocksStorage;")).hasSize(1);
    assertThat(violations("/** Unlike org.rocksdb.WriteBatch, ... */\n// io.grpc.Status\nclass A {}")).isEmpty();
    assertThat(violations("import dev.convoy.server.storage.ChangeSet;")).isEmpty();
  }
}
