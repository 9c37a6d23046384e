package dev.convoy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/convoy-agent's class-data sharing cycle (docs/runtime-layout.md): the first {@code run} records the classes it
 * loads, the next archives them and maps the archive, later ones map it without rebuilding, and a jar installed after
 * the archive (an upgrade) starts the cycle again. Each {@code run} here is the real launcher on a private copy of
 * the distribution, pointed at a data directory with no enrollment, so the agent exits right after starting.
 */
class AgentClassDataSharingIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir
  Path dir;
  private Distribution dist;
  private Path lib;

  @BeforeEach
  void copyDistribution() throws Exception {
    dist = new Distribution().copyTo(dir.resolve("convoy"));
    lib = dist.home().resolve("lib");
    try (Stream<Path> files = Files.list(lib)) {
      for (Path leftover : files.filter(f -> f.getFileName().toString().startsWith("convoy-agent.")).toList()) {
        Files.delete(leftover); // the copied distribution may hold the archive of earlier ITs
      }
    }
  }

  @Test
  void run_recordsThenArchivesThenMapsWithoutRebuilding() throws Exception {
    runAgent(Map.of());
    assertThat(lib.resolve("convoy-agent.classlist")).isNotEmptyFile();
    assertThat(lib.resolve("convoy-agent.jsa")).doesNotExist();

    runAgent(Map.of());
    Path archive = lib.resolve("convoy-agent.jsa");
    assertThat(archive).isNotEmptyFile();
    assertThat(lib.resolve("convoy-agent.jsa.jdk")).content().isNotBlank();
    FileTime dumped = Files.getLastModifiedTime(archive);

    Path classLog = dir.resolve("class-load.log");
    runAgent(Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + classLog));
    assertThat(Files.getLastModifiedTime(archive)).as("the archive is mapped, not dumped again").isEqualTo(dumped);
    assertThat(Files.readString(classLog)).containsPattern("dev\\.convoy\\.agent\\.AgentMain source: shared objects file");
  }

  @Test
  void run_aJarInstalledAfterTheArchive_startsTheCycleAgain() throws Exception {
    runAgent(Map.of());
    runAgent(Map.of());
    assertThat(lib.resolve("convoy-agent.jsa")).exists();
    // A package manager keeps a jar's packaged mtime; only its change time says it was installed after the archive.
    Path jar;
    try (Stream<Path> jars = Files.list(lib).filter(f -> f.getFileName().toString().startsWith("agent-"))) {
      jar = jars.findFirst().orElseThrow();
    }
    FileTime packaged = FileTime.fromMillis(0);
    Files.setLastModifiedTime(jar, packaged);
    Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));

    runAgent(Map.of());

    assertThat(lib.resolve("convoy-agent.jsa")).as("the stale archive is dropped").doesNotExist();
    assertThat(lib.resolve("convoy-agent.classlist")).as("a new class list is recorded").isNotEmptyFile();
  }

  @Test
  void run_anotherJdkDumpedTheArchive_archiveRebuilt() throws Exception {
    runAgent(Map.of());
    runAgent(Map.of());
    Files.writeString(lib.resolve("convoy-agent.jsa.jdk"), "/opt/some-other-jdk/bin/java\n");

    runAgent(Map.of());

    assertThat(lib.resolve("convoy-agent.jsa.jdk")).content().doesNotContain("some-other-jdk");
    assertThat(lib.resolve("convoy-agent.jsa")).isNotEmptyFile();
  }

  @Test
  void run_withCdsOff_writesNothingBesideTheJars() throws Exception {
    runAgent(Map.of("CONVOY_AGENT_CDS", "off"));
    runAgent(Map.of("CONVOY_AGENT_CDS", "off"));

    assertThat(lib.resolve("convoy-agent.classlist")).doesNotExist();
    assertThat(lib.resolve("convoy-agent.jsa")).doesNotExist();
  }

  private void runAgent(Map<String, String> environment) throws Exception {
    Distribution.Result run = dist.run(dir, TIMEOUT, environment, "convoy-agent", "run", "--data",
        dir.resolve("not-enrolled").toString());
    assertThat(run.exitCode()).as("an agent with no enrollment stops with an error; output:\n" + run.output())
        .isNotZero();
    assertThat(run.stderr()).as("no JVM complaint about the archive").doesNotContain("CDS", "shared archive");
  }
}
