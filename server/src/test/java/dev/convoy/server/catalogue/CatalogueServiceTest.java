package dev.convoy.server.catalogue;

import static dev.convoy.server.testing.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.release.TrustedKeys;
import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.storage.file.FileContentStore;
import dev.convoy.server.storage.rocksdb.RocksReleaseStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.server.testing.LegacyReleases;
import dev.convoy.server.testing.MutableClock;
import dev.convoy.server.testing.ReleaseFiles;
import dev.convoy.server.testing.SignedPublisher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing signed release files through the catalogue domain: hashes, chunks, storage once, refusals. */
class CatalogueServiceTest {
  static final int CHUNK = 1024;
  @TempDir Path dir;
  @TempDir Path work;
  private final PublisherKeyPair key = PublisherKeys.generate();
  private final MutableClock clock = new MutableClock();
  private RocksStorage storage;
  private CatalogueService catalogue;

  @BeforeEach
  void open() throws IOException {
    storage = RocksStorage.open(dir.resolve("db"));
    catalogue = new CatalogueService(new RocksReleaseStore(storage), new FileContentStore(dir.resolve("content")),
        storage, clock, CHUNK, () -> TrustedKeys.of(List.of(key.publicKey())));
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private byte[] file(String version, int randomBytes) throws IOException {
    return ReleaseFiles.build(work, key, "hello", version, randomBytes, b -> { });
  }

  private static ReleaseHeader header(byte[] file) {
    return ReleaseHeader.signedFile(SignedPublisher.sha256(file), file.length);
  }

  /** Publishes {@code bytes} in pieces of 700 bytes (not aligned with chunks, on purpose). */
  private Release publish(ReleaseHeader header, byte[] bytes) {
    try (Publication publication = catalogue.beginPublish(header, "CN=admin,OU=person,O=Convoy")) {
      for (int offset = 0; offset < bytes.length; offset += 700) {
        publication.write(ByteBuffer.wrap(bytes, offset, Math.min(700, bytes.length - offset)));
      }
      return publication.complete();
    }
  }

  private List<Path> contentFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("content"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void publish_valid_storedOnceUnderItsHashWithChunkHashes() throws Exception {
    byte[] bytes = file("1.0.0", CHUNK * 2 + 500);
    String sha = SignedPublisher.sha256(bytes);

    Release release = publish(header(bytes), bytes);

    assertThat(release.sha256()).isEqualTo(sha);
    assertThat(release.length()).isEqualTo(bytes.length);
    assertThat(release.chunkSize()).isEqualTo(CHUNK);
    List<String> chunks = new ArrayList<>();
    for (int offset = 0; offset < bytes.length; offset += CHUNK) {
      chunks.add(SignedPublisher.sha256(Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + CHUNK))));
    }
    assertThat(release.chunkSha256()).hasSizeGreaterThan(2).isEqualTo(chunks);
    assertThat(release.unsigned()).isFalse();
    Path stored = dir.resolve("content/sha256/" + sha.substring(0, 2) + "/" + sha);
    assertThat(contentFiles()).containsExactly(stored);
    assertThat(Files.readAllBytes(stored)).isEqualTo(bytes);
    assertThat(catalogue.find("hello", "1.0.0")).contains(release);
  }

  @Test
  void contentStore_exactMultipleOfChunk_noEmptyLastChunk() throws Exception {
    byte[] bytes = new byte[CHUNK * 2];
    try (var upload = new FileContentStore(dir.resolve("content")).begin(bytes.length, CHUNK)) {
      upload.write(ByteBuffer.wrap(bytes));
      assertThat(upload.verify(SignedPublisher.sha256(bytes)).chunkSha256()).hasSize(2);
    }
  }

  @Test
  void publish_wrongSha256_invalidArgumentNothingStoredNothingRecorded() throws Exception {
    byte[] bytes = file("1.0.0", 0);
    String declared = SignedPublisher.sha256(new byte[] {1});

    String message = assertCode(() -> publish(ReleaseHeader.signedFile(declared, bytes.length), bytes),
        ErrorCode.INVALID_ARGUMENT);

    assertThat(message).isEqualTo("sha256: declared " + declared + ", payload has " + SignedPublisher.sha256(bytes));
    assertThat(contentFiles()).isEmpty();
    assertThat(catalogue.list("")).isEmpty();
  }

  @Test
  void publish_payloadShorterThanDeclared_invalidArgumentNothingStored() throws Exception {
    byte[] bytes = file("1.0.0", 0);

    String message = assertCode(() -> publish(ReleaseHeader.signedFile(SignedPublisher.sha256(bytes),
        bytes.length + 1), bytes), ErrorCode.INVALID_ARGUMENT);

    assertThat(message).isEqualTo("length: declared " + (bytes.length + 1) + " bytes, payload has " + bytes.length);
    assertThat(contentFiles()).isEmpty();
    assertThat(catalogue.list("")).isEmpty();
  }

  @Test
  void publish_payloadLongerThanDeclared_refusedAtTheFirstExcessByte() throws Exception {
    byte[] bytes = file("1.0.0", 0);
    Publication publication = catalogue.beginPublish(ReleaseHeader.signedFile(SignedPublisher.sha256(bytes), 1000),
        "admin");
    publication.write(ByteBuffer.wrap(bytes, 0, 700));

    String message = assertCode(() -> publication.write(ByteBuffer.wrap(bytes, 700, 700)),
        ErrorCode.INVALID_ARGUMENT);

    assertThat(message).isEqualTo("length: declared 1000 bytes, payload has more (at least 1400)");
    publication.close();
    assertThat(contentFiles()).isEmpty();
    assertThat(catalogue.list("")).isEmpty();
  }

  @Test
  void publish_sameFileTwice_idempotentAndStoredOnce() throws Exception {
    byte[] bytes = file("1.0.0", 0);
    Release first = publish(header(bytes), bytes);
    clock.advance(java.time.Duration.ofHours(1));

    Release second = publish(header(bytes), bytes);

    assertThat(second).isEqualTo(first);
    assertThat(contentFiles()).hasSize(1);
  }

  @Test
  void beginPublish_headerNamesAVersionThatExistsWithOtherContent_alreadyExistsBeforeAnyByte() throws Exception {
    byte[] bytes = file("1.0.0", 0);
    publish(header(bytes), bytes);
    String other = SignedPublisher.sha256(new byte[] {9});

    String message = assertCode(() -> catalogue.beginPublish(new ReleaseHeader("hello", "1.0.0", "", "", other, 1,
        SignedManifest.FORMAT), "admin"), ErrorCode.ALREADY_EXISTS);

    assertThat(message).startsWith("release: hello@1.0.0 exists already with sha256 "
        + SignedPublisher.sha256(bytes));
  }

  @Test
  void header_badFields_invalidArgumentNamingEach() {
    String sha = "ab".repeat(32);
    String signed = SignedManifest.FORMAT;
    assertThat(assertCode(() -> new ReleaseHeader("hello", "1.0.0", "archive", "tar.gz", sha, 1, ""),
        ErrorCode.INVALID_ARGUMENT)).isEqualTo("format: '' (expected: convoy-release; unsigned uploads were"
            + " retired, use 'convoy release publish')");
    assertThat(assertCode(() -> new ReleaseHeader("Hello", "1.0.0", "archive", "", sha, 1, signed),
        ErrorCode.INVALID_ARGUMENT)).startsWith("name: 'Hello' (expected:");
    assertThat(assertCode(() -> new ReleaseHeader("hello", "1.0", "archive", "", sha, 1, signed),
        ErrorCode.INVALID_ARGUMENT)).startsWith("version: '1.0'");
    assertThat(assertCode(() -> new ReleaseHeader("hello", "1.0.0", "msi", "", sha, 1, signed),
        ErrorCode.INVALID_ARGUMENT)).isEqualTo("installer: 'msi' (expected: archive, script or deb)");
    assertThat(assertCode(() -> ReleaseHeader.signedFile("abc", 1), ErrorCode.INVALID_ARGUMENT))
        .isEqualTo("sha256: 'abc' (expected: 64 hex digits)");
    assertThat(assertCode(() -> ReleaseHeader.signedFile(sha, 0), ErrorCode.INVALID_ARGUMENT))
        .isEqualTo("length: 0 (expected: >= 1)");
  }

  @Test
  void list_versions_inSemverOrder() throws Exception {
    for (String version : List.of("1.10.0", "2.0.0", "1.9.0", "2.0.0-rc.1")) {
      byte[] bytes = file(version, 0);
      publish(header(bytes), bytes);
    }
    assertThat(catalogue.list("hello")).extracting(Release::version)
        .containsExactly("1.9.0", "1.10.0", "2.0.0-rc.1", "2.0.0");
    assertThat(catalogue.list("hell")).isEmpty();
  }

  @Test
  void requireInstallable_unsignedReleaseAnOlderServerStored_failedPreconditionNamingIt() throws Exception {
    LegacyReleases.storeUnsigned(storage, dir.resolve("content"), "legacy", "0.9.0", new byte[] {1, 2, 3}, CHUNK,
        clock.instant());
    byte[] bytes = file("1.0.0", 0);
    Release signed = publish(header(bytes), bytes);

    String message = assertCode(() -> catalogue.requireInstallable("legacy", "0.9.0"),
        ErrorCode.FAILED_PRECONDITION);

    assertThat(message).isEqualTo("release legacy@0.9.0: unsigned (retired): agents install only releases signed"
        + " by a trusted publisher key (expected: a signed release, published with 'convoy release publish')");
    assertThat(catalogue.require("legacy", "0.9.0").unsigned()).isTrue(); // still listed and found
    assertThat(catalogue.requireInstallable("hello", "1.0.0")).isEqualTo(signed);
    assertThat(assertCode(() -> catalogue.requireInstallable("nope", "1.0.0"), ErrorCode.NOT_FOUND))
        .isEqualTo("release: nope@1.0.0 not found");
  }

  @Test
  void fileContentStore_leftoverUploadFromACrash_deletedOnStart() throws Exception {
    Path leftover = dir.resolve("content/tmp/upload-crashed.part");
    Files.write(leftover, new byte[] {1, 2, 3});

    new FileContentStore(dir.resolve("content"));

    assertThat(leftover).doesNotExist();
  }
}
