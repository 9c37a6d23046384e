package dev.convoy.server.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One immutable version of a package, content-addressed by the SHA-256 of its payload.
 *
 * @param chunkSha256 hex SHA-256 of each {@code chunkSize}-byte chunk in order (the last may be shorter), so that
 *     downloads can be verified and resumed chunk by chunk
 * @param publishedBy certificate subject of the person who published it
 */
public record Release(String name, String version, String installer, String archiveFormat, String sha256,
    long length, int chunkSize, List<String> chunkSha256, Instant publishedAt, String publishedBy) {

  public Release {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(publishedAt, "publishedAt");
    chunkSha256 = List.copyOf(chunkSha256);
  }

  /** {@code name@version}, how people and messages name a release. */
  public String ref() {
    return name + "@" + version;
  }

  /** Number of chunks of the payload. */
  public long chunkCount() {
    return (length + chunkSize - 1) / chunkSize;
  }
}
