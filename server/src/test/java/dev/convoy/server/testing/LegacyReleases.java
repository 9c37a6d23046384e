package dev.convoy.server.testing;

import dev.convoy.server.catalogue.ContentStore;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.catalogue.StoredContent;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.file.FileContentStore;
import dev.convoy.server.storage.rocksdb.RocksReleaseStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What a server from before the signed release format left in its data directory: an unsigned archive release
 * (format "", no signed manifest) with its payload in the content store. This server makes none any more; tests
 * use these to show such releases are listed but never offered for installing.
 */
public final class LegacyReleases {
  private LegacyReleases() {}

  /** Stores {@code payload} and records it as the unsigned tar.gz release {@code name@version}. */
  public static Release storeUnsigned(RocksStorage storage, Path contentDir, String name, String version,
      byte[] payload, int chunkSize, Instant at) throws IOException {
    StoredContent stored;
    try (ContentStore.Upload upload = new FileContentStore(contentDir).begin(payload.length, chunkSize)) {
      upload.write(ByteBuffer.wrap(payload));
      stored = upload.verify(SignedPublisher.sha256(payload));
      upload.store();
    }
    Release release = new Release(name, version, "archive", "tar.gz", stored.sha256(), stored.length(),
        stored.chunkSize(), stored.chunkSha256(), at, "CN=admin,OU=person,O=Convoy");
    ChangeSet changes = storage.begin();
    new RocksReleaseStore(storage).put(changes, release);
    storage.commit(changes);
    return release;
  }
}
