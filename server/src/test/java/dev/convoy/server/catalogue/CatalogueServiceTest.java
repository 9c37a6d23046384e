package dev.convoy.server.catalogue;

import static dev.convoy.server.testing.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.storage.file.FileContentStore;
import dev.convoy.server.storage.rocksdb.RocksReleaseStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.server.testing.MutableClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueServiceTest {
  static final int CHUNK = 1024;
  @TempDir Path dir;
  private RocksStorage storage;
  private CatalogueService catalogue;

  @BeforeEach
  void open() throws IOException {
    storage = RocksStorage.open(dir.resolve("db"));
    catalogue = new CatalogueService(new RocksReleaseStore(storage), new FileContentStore(dir.resolve("content")),
        storage, new MutableClock(), CHUNK);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  static byte[] payload(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static ReleaseHeader header(String version, String sha256, long length) {
    return new ReleaseHeader("hello", version, "archive", "tar.gz", sha256, length);
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
    byte[] bytes = payload(CHUNK * 2 + 500, 1);
    String sha = sha256(bytes);

    Release release = publish(header("1.0.0", sha, bytes.length), bytes);

    assertThat(release.sha256()).isEqualTo(sha);
    assertThat(release.length()).isEqualTo(bytes.length);
    assertThat(release.chunkSize()).isEqualTo(CHUNK);
    assertThat(release.chunkSha256()).containsExactly(
        sha256(Arrays.copyOfRange(bytes, 0, CHUNK)),
        sha256(Arrays.copyOfRange(bytes, CHUNK, 2 * CHUNK)),
        sha256(Arrays.copyOfRange(bytes, 2 * CHUNK, bytes.length)));
    Path stored = dir.resolve("content/sha256/" + sha.substring(0, 2) + "/" + sha);
    assertThat(contentFiles()).containsExactly(stored);
    assertThat(Files.readAllBytes(stored)).isEqualTo(bytes);
    assertThat(catalogue.find("hello", "1.0.0")).contains(release);
  }

  @Test
  void publish_exactMultipleOfChunk_noEmptyLastChunk() throws Exception {
    byte[] bytes = payload(CHUNK * 2, 2);
    Release release = publish(header("1.0.0", sha256(bytes), bytes.length), bytes);
    assertThat(release.chunkSha256()).hasSize(2);
  }

  @Test
  void publish_wrongSha256_invalidArgumentNothingStoredNothingRecorded() throws Exception {
    byte[] bytes = payload(3000, 3);
    String declared = sha256(new byte[] {1});

    String message = assertCode(() -> publish(header("1.0.0", declared, bytes.length), bytes),
        ErrorCode.INVALID_ARGUMENT);

    assertThat(message).isEqualTo("sha256: declared " + declared + ", payload has " + sha256(bytes));
    assertThat(contentFiles()).isEmpty();
    assertThat(catalogue.list("")).isEmpty();
  }

  @Test
  void publish_payloadShorterThanDeclared_invalidArgumentNothingStored() throws Exception {
    byte[] bytes = payload(3000, 4);

    String message = assertCode(() -> publish(header("1.0.0", sha256(bytes), 3001), bytes),
        ErrorCode.INVALID_ARGUMENT);

    assertThat(message).isEqualTo("length: declared 3001 bytes, payload has 3000");
    assertThat(contentFiles()).isEmpty();
    assertThat(catalogue.list("")).isEmpty();
  }

  @Test
  void publish_payloadLongerThanDeclared_refusedAtTheFirstExcessByte() throws Exception {
    byte[] bytes = payload(3000, 5);
    Publication publication = catalogue.beginPublish(header("1.0.0", sha256(bytes), 1000), "admin");
    publication.write(ByteBuffer.wrap(bytes, 0, 700));

    String message = assertCode(() -> publication.write(ByteBuffer.wrap(bytes, 700, 700)),
        ErrorCode.INVALID_ARGUMENT);

    assertThat(message).isEqualTo("length: declared 1000 bytes, payload has more (at least 1400)");
    publication.close();
    assertThat(contentFiles()).isEmpty();
    assertThat(catalogue.list("")).isEmpty();
  }

  @Test
  void publish_sameNameVersionAndContentTwice_idempotentAndStoredOnce() throws Exception {
    byte[] bytes = payload(2000, 6);
    Release first = publish(header("1.0.0", sha256(bytes), bytes.length), bytes);

    Release second = publish(header("1.0.0", sha256(bytes), bytes.length), bytes);

    assertThat(second).isEqualTo(first);
    assertThat(contentFiles()).hasSize(1);
  }

  @Test
  void publish_sameContentUnderNewVersion_storedOnceRecordedTwice() throws Exception {
    byte[] bytes = payload(2000, 7);
    publish(header("1.0.0", sha256(bytes), bytes.length), bytes);
    publish(header("1.0.1", sha256(bytes), bytes.length), bytes);

    assertThat(contentFiles()).hasSize(1);
    assertThat(catalogue.list("hello")).extracting(Release::version).containsExactly("1.0.0", "1.0.1");
  }

  @Test
  void beginPublish_sameVersionOtherContent_alreadyExistsBeforeAnyByte() throws Exception {
    byte[] bytes = payload(2000, 8);
    publish(header("1.0.0", sha256(bytes), bytes.length), bytes);

    String message = assertCode(() -> catalogue.beginPublish(header("1.0.0", sha256(new byte[] {9}), 1), "admin"),
        ErrorCode.ALREADY_EXISTS);

    assertThat(message).startsWith("release: hello@1.0.0 exists already with sha256 " + sha256(bytes));
  }

  @Test
  void header_badFields_invalidArgumentNamingEach() {
    String sha = "ab".repeat(32);
    assertThat(assertCode(() -> new ReleaseHeader("Hello", "1.0.0", "archive", "zip", sha, 1),
        ErrorCode.INVALID_ARGUMENT)).startsWith("name: 'Hello' (expected:");
    assertThat(assertCode(() -> new ReleaseHeader("hello", "1.0", "archive", "zip", sha, 1),
        ErrorCode.INVALID_ARGUMENT)).startsWith("version: '1.0'");
    assertThat(assertCode(() -> new ReleaseHeader("hello", "1.0.0", "msi", "zip", sha, 1),
        ErrorCode.INVALID_ARGUMENT)).isEqualTo("installer: 'msi' (expected: archive)");
    assertThat(assertCode(() -> new ReleaseHeader("hello", "1.0.0", "archive", "rar", sha, 1),
        ErrorCode.INVALID_ARGUMENT)).isEqualTo("archive_format: 'rar' (expected: tar.gz or zip)");
    assertThat(assertCode(() -> new ReleaseHeader("hello", "1.0.0", "archive", "zip", "abc", 1),
        ErrorCode.INVALID_ARGUMENT)).isEqualTo("sha256: 'abc' (expected: 64 hex digits)");
    assertThat(assertCode(() -> new ReleaseHeader("hello", "1.0.0", "archive", "zip", sha, 0),
        ErrorCode.INVALID_ARGUMENT)).isEqualTo("length: 0 (expected: >= 1)");
  }

  @Test
  void list_versions_inSemverOrder() throws Exception {
    for (String version : List.of("1.10.0", "2.0.0", "1.9.0", "2.0.0-rc.1")) {
      byte[] bytes = payload(10, version.hashCode());
      publish(header(version, sha256(bytes), bytes.length), bytes);
    }
    assertThat(catalogue.list("hello")).extracting(Release::version)
        .containsExactly("1.9.0", "1.10.0", "2.0.0-rc.1", "2.0.0");
    assertThat(catalogue.list("hell")).isEmpty();
  }

  @Test
  void fileContentStore_leftoverUploadFromACrash_deletedOnStart() throws Exception {
    Path leftover = dir.resolve("content/tmp/upload-crashed.part");
    Files.write(leftover, new byte[] {1, 2, 3});

    new FileContentStore(dir.resolve("content"));

    assertThat(leftover).doesNotExist();
  }
}
