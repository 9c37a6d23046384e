package dev.convoy.agent.deployment;

import dev.convoy.agent.inventory.ManagedPackage;
import dev.convoy.agent.storage.PropertiesFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local journal: {@code journal/<deployment id>.properties} holds the last state of each deployment.
 * Every write is durable before it returns (temp file, fsync, atomic rename, fsync directory), so a report is
 * only ever sent for a state that survives a crash, and sequence numbers are never reused.
 *
 * <p>Thread-safe: the deployment worker writes states while the report sender records acknowledgements; both go
 * through this object's lock, and an acknowledgement is never lost to a concurrent state write.
 */
public final class DeploymentJournal {
  private static final Logger logger = LoggerFactory.getLogger(DeploymentJournal.class);
  private static final String SUFFIX = ".properties";

  private final Path directory;
  private final Map<String, JournalEntry> entries = new HashMap<>();

  /**
   * Opens the journal in {@code directory}, reading every entry. Unreadable files are logged and skipped.
   *
   * @throws UncheckedIOException if the directory cannot be created or listed
   */
  public DeploymentJournal(Path directory) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
      try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
        files.forEach(this::load);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open journal " + directory + ": " + e.getMessage(), e);
    }
  }

  private void load(Path file) {
    try {
      JournalEntry entry = JournalCodec.decode(PropertiesFile.read(file));
      entries.put(entry.deploymentId(), entry);
    } catch (IOException | RuntimeException e) {
      logger.error("journal entry unreadable file={} reason=\"{}\" (skipped)", file, e.getMessage());
    }
  }

  /** The entry of {@code deploymentId}, if any. */
  public synchronized Optional<JournalEntry> find(String deploymentId) {
    return Optional.ofNullable(entries.get(deploymentId));
  }

  /** Every entry, ordered by deployment id. */
  public synchronized List<JournalEntry> all() {
    List<JournalEntry> result = new ArrayList<>(entries.values());
    result.sort(Comparator.comparing(JournalEntry::deploymentId));
    return result;
  }

  /**
   * Makes {@code entry} durable; keeps the highest acknowledged sequence of the same attempt.
   *
   * @return the entry as written
   * @throws UncheckedIOException if it cannot be written (the previous entry is then still in place)
   */
  public synchronized JournalEntry write(JournalEntry entry) {
    JournalEntry previous = entries.get(entry.deploymentId());
    JournalEntry merged = previous != null && previous.attempt() == entry.attempt()
        ? entry.reported(previous.reportedSequence()) : entry;
    PropertiesFile.writeUnchecked(file(entry.deploymentId()), "Convoy deployment journal entry", JournalCodec.encode(merged));
    entries.put(merged.deploymentId(), merged);
    return merged;
  }

  /** Records that the server acknowledged (or refused for good) report {@code sequence} of this attempt. */
  public synchronized void markReported(String deploymentId, int attempt, long sequence) {
    JournalEntry current = entries.get(deploymentId);
    if (current != null && current.attempt() == attempt && current.reportedSequence() < sequence) {
      write(current.reported(sequence));
    }
  }

  /**
   * The packages installed by this agent (for the inventory report): per package, the latest deployment that
   * succeeded, if it was an install. A later failed or rolled-back attempt leaves the previous version in place.
   * A package that a later successful install supersedes (its name, its version in range) is no longer listed:
   * the superseding release replaced it.
   */
  public synchronized List<ManagedPackage> managedPackages() {
    Map<String, JournalEntry> latest = new HashMap<>();
    for (JournalEntry entry : entries.values()) {
      if (entry.state().successful()) {
        latest.merge(entry.spec().release().name(), entry, (a, b) -> a.at().isAfter(b.at()) ? a : b);
      }
    }
    List<JournalEntry> installs = latest.values().stream()
        .filter(e -> e.spec().action() == DeploymentAction.INSTALL).toList();
    List<ManagedPackage> result = new ArrayList<>();
    installs.stream()
        .filter(e -> installs.stream().noneMatch(later -> supersedes(later, e)))
        .sorted(Comparator.comparing(e -> e.spec().release().name()))
        .forEach(e -> result.add(new ManagedPackage(e.spec().release().name(), e.spec().release().version(), "installed")));
    return result;
  }

  private static boolean supersedes(JournalEntry later, JournalEntry earlier) {
    Release old = earlier.spec().release();
    dev.convoy.release.SemanticVersion version = old.semanticVersion();
    return later != earlier && !later.at().isBefore(earlier.at()) && version != null
        && !later.spec().release().name().equals(old.name())
        && later.spec().release().relations().supersedes().stream().anyMatch(s -> s.matches(old.name(), version));
  }

  private Path file(String deploymentId) {
    return directory.resolve(deploymentId + SUFFIX);
  }
}
