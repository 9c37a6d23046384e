package dev.convoy.agent.training;

import dev.convoy.agent.deployment.ServerException;
import dev.convoy.agent.documents.DocumentException;
import dev.convoy.agent.documents.UserDocuments;
import dev.convoy.agent.documents.WorkstationRelease;
import dev.convoy.agent.documents.WorkstationReleases;
import dev.convoy.release.Training;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Training for this workstation's users ({@code convoy-agent training [done ITEM]}): the training items of the
 * releases installed or offered here, read from their verified manifests, and the users' attestations, journaled
 * then reported. Thread-safe.
 */
public final class WorkstationTraining {
  private final WorkstationReleases releases;
  private final UserDocuments documents;
  private final TrainingJournal journal;
  private final TrainingReporter reporter;
  private final AttestationSink sink;
  private final Clock clock;
  /** Verified manifests never change: their training item is read once per release. */
  private final Map<String, Optional<Training>> cache = new ConcurrentHashMap<>();

  public WorkstationTraining(WorkstationReleases releases, UserDocuments documents, TrainingJournal journal,
      TrainingReporter reporter, AttestationSink sink, Clock clock) {
    this.releases = releases;
    this.documents = documents;
    this.journal = journal;
    this.reporter = reporter;
    this.sink = sink;
    this.clock = clock;
  }

  /** The items of every release here that has one, with {@code user}'s progress. */
  public List<TrainingItem> items(String user) {
    List<TrainingItem> items = new ArrayList<>();
    for (WorkstationRelease release : releases.all()) {
      try {
        training(release).ifPresent(t -> items.add(item(release, t, user)));
      } catch (DocumentException e) {
        items.add(new TrainingItem(release.name(), release.version(), release.installed(), "", "", "", "", false,
            false, e.getMessage()));
      }
    }
    return items;
  }

  /**
   * Records that {@code user} took the training of the release {@code ref} names (NAME or NAME@VERSION), or of the
   * one whose item has the title {@code ref}; reports it now if the server can be reached, else later.
   *
   * @throws DocumentException NOT_FOUND when nothing here matches {@code ref}; as {@link UserDocuments#read}
   */
  public Outcome done(String ref, String user) {
    WorkstationRelease release = resolve(ref);
    Training training = training(release).orElseThrow(() -> new DocumentException(DocumentException.Kind.NOT_FOUND,
        "release " + release.ref() + " has no training item"));
    boolean already = journal.find(release.name(), release.version(), training.title(), user).isPresent();
    Attestation recorded = journal.record(new Attestation(release.name(), release.version(), training.title(), user,
        clock.instant(), false));
    if (recorded.acknowledged()) {
      return new Outcome(release.ref(), training.title(), true, true);
    }
    try {
      sink.report(recorded);
      journal.acknowledge(recorded);
      return new Outcome(release.ref(), training.title(), already, true);
    } catch (ServerException e) {
      reporter.wake(); // retried in the background until acknowledged
      return new Outcome(release.ref(), training.title(), already, false);
    }
  }

  /**
   * What {@link #done} did.
   *
   * @param release {@code name@version}
   * @param item the item's title
   * @param already the user had attested it before
   * @param reported the server has acknowledged it
   */
  public record Outcome(String release, String item, boolean already, boolean reported) {}

  private WorkstationRelease resolve(String ref) {
    Optional<WorkstationRelease> byName = releases.find(ref);
    if (byName.isPresent()) {
      return byName.get();
    }
    for (WorkstationRelease release : releases.all()) {
      try {
        if (training(release).map(t -> t.title().equalsIgnoreCase(ref)).orElse(false)) {
          return release;
        }
      } catch (DocumentException e) {
        // unreadable right now: it cannot be the one the user means by title
      }
    }
    throw new DocumentException(DocumentException.Kind.NOT_FOUND, "no training item " + ref + " on this computer"
        + " (expected: a package name, NAME@VERSION or a title that 'convoy-agent training' lists)");
  }

  private Optional<Training> training(WorkstationRelease release) {
    Optional<Training> cached = cache.get(release.ref());
    if (cached != null) {
      return cached;
    }
    Optional<Training> read = documents.read(release.ref(), "").manifest().documents().training();
    cache.put(release.ref(), read);
    return read;
  }

  private TrainingItem item(WorkstationRelease release, Training t, String user) {
    Optional<Attestation> attested = journal.find(release.name(), release.version(), t.title(), user);
    return new TrainingItem(release.name(), release.version(), release.installed(), t.title(), t.audience(),
        t.link().orElse(""), t.document().map(d -> d.name()).orElse(""), attested.isPresent(),
        attested.map(Attestation::acknowledged).orElse(false), "");
  }
}
