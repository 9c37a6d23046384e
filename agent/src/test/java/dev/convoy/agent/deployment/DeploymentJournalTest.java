package dev.convoy.agent.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.inventory.ManagedPackage;
import dev.convoy.agent.testing.TestRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentJournalTest {
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

  @TempDir
  Path dir;

  private DeploymentSpec spec(String id, String name, String version, int attempt) {
    return new DeploymentSpec(id, "c-1", TestRelease.described(name, version, "archive"), DeploymentAction.INSTALL,
        attempt, false, TestRelease.keys());
  }

  @Test
  void write_thenReopen_readsTheSameEntry() {
    DeploymentJournal journal = new DeploymentJournal(dir);
    JournalEntry entry = JournalEntry.offered(spec("dep-1", "hello", "1.0.0", 1), T0)
        .advance(DeploymentState.NOTIFIED, "notice shown", 0, T0)
        .withNotes(new AttemptNotes(T0, true, T0.plusSeconds(7200), true, false))
        .advance(DeploymentState.DOWNLOADING, "downloading\nwith a second line", 0, T0.plusSeconds(1))
        .withDownload(2048, 1024);

    journal.write(entry);

    assertThat(new DeploymentJournal(dir).find("dep-1")).contains(entry);
  }

  @Test
  void write_isAtomic_oneFileWithTheDocumentedKeysAndNoTemporaryFiles() throws Exception {
    DeploymentJournal journal = new DeploymentJournal(dir);
    JournalEntry offered = journal.write(JournalEntry.offered(spec("dep-1", "hello", "1.0.0", 1), T0));
    journal.write(offered.advance(DeploymentState.NOTIFIED, "n", 0, T0).advance(DeploymentState.DOWNLOADING,
        "downloading", 0, T0));

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve("dep-1.properties"));
    }
    Map<String, String> keys = dev.convoy.agent.storage.PropertiesFile.read(dir.resolve("dep-1.properties"));
    assertThat(keys).containsEntry("state", "DOWNLOADING").containsEntry("attempt", "1")
        .containsEntry("next_sequence", "4").containsEntry("bytes_downloaded", "0")
        .containsEntry("resumed_from_offset", "0").containsEntry("detail", "downloading")
        .containsEntry("release.sha256", "a".repeat(64)).containsEntry("release.format", "convoy-release");
  }

  @Test
  void open_leftoverTemporaryAndCorruptFiles_areIgnored() throws Exception {
    DeploymentJournal journal = new DeploymentJournal(dir);
    journal.write(JournalEntry.offered(spec("dep-1", "hello", "1.0.0", 1), T0));
    Files.writeString(dir.resolve(".dep-2.properties123.tmp"), "state=DOWN"); // a crash mid-write
    Files.writeString(dir.resolve("dep-3.properties"), "state=NOT_A_STATE\n");

    DeploymentJournal reopened = new DeploymentJournal(dir);

    assertThat(reopened.all()).extracting(JournalEntry::deploymentId).containsExactly("dep-1");
  }

  @Test
  void markReported_concurrentStateWrite_neverLosesTheAcknowledgement() {
    DeploymentJournal journal = new DeploymentJournal(dir);
    JournalEntry offered = journal.write(JournalEntry.offered(spec("dep-1", "hello", "1.0.0", 1), T0));
    journal.markReported("dep-1", 1, 1);

    // The worker still holds the entry it wrote before the acknowledgement.
    JournalEntry next = journal.write(offered.advance(DeploymentState.NOTIFIED, "d", 0, T0));

    assertThat(next.reportedSequence()).isEqualTo(1);
    assertThat(new DeploymentJournal(dir).find("dep-1").orElseThrow().reportedSequence()).isEqualTo(1);
    assertThat(next.unreported()).isTrue();
  }

  @Test
  void managedPackages_latestSuccessPerPackage_failedUpgradeKeepsThePrevious() {
    DeploymentJournal journal = new DeploymentJournal(dir);
    journal.write(terminal(spec("dep-1", "hello", "1.0.0", 1), DeploymentState.SUCCEEDED, T0));
    journal.write(terminal(spec("dep-2", "hello", "2.0.0", 1), DeploymentState.ROLLED_BACK, T0.plusSeconds(60)));
    journal.write(terminal(spec("dep-3", "world", "3.1.0", 1), DeploymentState.ALREADY_INSTALLED, T0));
    journal.write(JournalEntry.offered(spec("dep-4", "zeta", "1.0.0", 1), T0));

    assertThat(journal.managedPackages()).containsExactly(
        new ManagedPackage("hello", "1.0.0", "installed"), new ManagedPackage("world", "3.1.0", "installed"));
  }

  private static JournalEntry terminal(DeploymentSpec spec, DeploymentState end, Instant at) {
    JournalEntry entry = JournalEntry.offered(spec, at);
    if (end == DeploymentState.ALREADY_INSTALLED) {
      return entry.advance(end, "", 0, at);
    }
    return entry.advance(DeploymentState.NOTIFIED, "", 0, at).advance(DeploymentState.DOWNLOADING, "", 0, at).advance(DeploymentState.DOWNLOADED, "", 0, at)
        .advance(DeploymentState.INSTALLING, "", 0, at).advance(end, "", 0, at);
  }
}
