package dev.convoy.server.catalogue;

import dev.convoy.release.TrustedKeys;
import dev.convoy.release.VerifiedRelease;
import dev.convoy.server.common.StripedLocks;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release catalogue: publishing (verified, content-addressed, idempotent per name@version and content) and
 * lookups. Thread-safe: recording one name@version is serialised, so two racing publications of it cannot both win.
 */
public final class CatalogueService {
  private static final Logger logger = LoggerFactory.getLogger(CatalogueService.class);

  private final ReleaseStore releases;
  private final ContentStore content;
  private final Storage storage;
  private final Clock clock;
  private final int chunkSize;
  private final Supplier<TrustedKeys> trustedKeys;
  private final StripedLocks locks = new StripedLocks(64);
  private final List<java.util.function.Consumer<Release>> published = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** @param trustedKeys the publisher keys signed releases are verified against, read at each upload */
  public CatalogueService(ReleaseStore releases, ContentStore content, Storage storage, Clock clock, int chunkSize,
      Supplier<TrustedKeys> trustedKeys) {
    this.trustedKeys = trustedKeys;
    this.releases = releases;
    this.content = content;
    this.storage = storage;
    this.clock = clock;
    this.chunkSize = chunkSize;
  }

  /**
   * Starts publishing a release. Refuses early, before any payload byte is received, if name@version exists with
   * another declared hash (for a signed release file: only if the header names them).
   *
   * @throws ConvoyException ALREADY_EXISTS as described
   */
  public Publication beginPublish(ReleaseHeader header, String publisher) {
    Optional.of(header).filter(h -> !h.name().isEmpty() && !h.version().isEmpty())
        .flatMap(h -> releases.find(h.name(), h.version()))
        .filter(existing -> !existing.sha256().equals(header.sha256()))
        .ifPresent(existing -> {
          throw conflict(existing);
        });
    return new Publication(this, header, content.begin(header.length(), chunkSize), publisher);
  }

  /**
   * Records a signed release file whose length and hash were verified. It is verified first (signature,
   * documents, every payload entry) and described by its manifest; nothing is stored unless that passes.
   */
  Release record(ReleaseHeader header, StoredContent stored, ContentStore.Upload upload, String publisher) {
    Release candidate = describeSigned(header, stored, upload, publisher);
    Lock lock = locks.forKey(candidate.ref());
    lock.lock();
    try {
      Optional<Release> existing = releases.find(candidate.name(), candidate.version());
      if (existing.isPresent()) {
        if (!existing.get().sha256().equals(stored.sha256())) {
          throw conflict(existing.get());
        }
        logger.info("release published again with the same content release={}", candidate.ref());
        return existing.get();
      }
      upload.store();
      Release release = candidate;
      ChangeSet changes = storage.begin();
      releases.put(changes, release);
      storage.commit(changes);
      logger.info("release published release={} format={} sha256={} length={} by={}",
          release.ref(), release.format(), release.sha256(), release.length(), publisher);
      published.forEach(listener -> listener.accept(release));
      return release;
    } finally {
      lock.unlock();
    }
  }

  /** Calls {@code listener} with each newly recorded release, after it is durable (e.g. the KB index). */
  public void addPublishListener(java.util.function.Consumer<Release> listener) {
    published.add(listener);
  }

  private Release describeSigned(ReleaseHeader header, StoredContent stored, ContentStore.Upload upload,
      String publisher) {
    VerifiedRelease verified = SignedReleases.verify(upload.path(), trustedKeys.get());
    SignedReleases.requireHeaderMatches(header, verified.manifest());
    logger.info("signed release verified release={} signer={} manifestSha256={}",
        verified.manifest().ref(), verified.signer().display(), verified.manifestSha256());
    return SignedReleases.describe(verified, stored, clock.instant(), publisher);
  }

  private static ConvoyException conflict(Release existing) {
    return ConvoyException.alreadyExists("release: " + existing.ref() + " exists already with sha256 "
        + existing.sha256() + " (expected: the same content, or a new version)");
  }

  public Optional<Release> find(String name, String version) {
    return releases.find(name, version);
  }

  /** @throws ConvoyException NOT_FOUND naming name@version */
  public Release require(String name, String version) {
    return releases.find(name, version)
        .orElseThrow(() -> ConvoyException.notFound("release: " + name + "@" + version + " not found"));
  }

  /**
   * A release a campaign may install.
   *
   * @throws ConvoyException NOT_FOUND naming name@version; FAILED_PRECONDITION naming it if it is an unsigned
   *     release a server before the signed format stored ({@link Release#requireSigned()})
   */
  public Release requireInstallable(String name, String version) {
    return require(name, version).requireSigned();
  }

  /** Releases of {@code name} (every package if empty), by name, then by semver precedence. */
  public List<Release> list(String name) {
    return releases.list(name).stream()
        .sorted(Comparator.comparing(Release::name)
            .thenComparing(r -> SemVer.parse("version", r.version())))
        .toList();
  }

  /** Opens a release's payload for reading. */
  public java.nio.channels.SeekableByteChannel openPayload(Release release) {
    return content.open(release.sha256());
  }
}
