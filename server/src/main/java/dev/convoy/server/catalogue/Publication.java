package dev.convoy.server.catalogue;

import java.nio.ByteBuffer;

/**
 * One release being published: the payload streams in through {@link #write}, then {@link #complete} verifies it
 * and records the release. {@link #close()} abandons it (temporary data deleted, nothing recorded).
 * Used by one caller at a time.
 */
public final class Publication implements AutoCloseable {
  private final CatalogueService catalogue;
  private final ReleaseHeader header;
  private final ContentStore.Upload upload;
  private final String publisher;

  Publication(CatalogueService catalogue, ReleaseHeader header, ContentStore.Upload upload, String publisher) {
    this.catalogue = catalogue;
    this.header = header;
    this.upload = upload;
    this.publisher = publisher;
  }

  public ReleaseHeader header() {
    return header;
  }

  /** @throws dev.convoy.server.error.ConvoyException INVALID_ARGUMENT once more bytes arrive than declared */
  public void write(ByteBuffer data) {
    upload.write(data);
  }

  /**
   * Verifies length and SHA-256 against the header, stores the payload once per hash and records the release.
   *
   * @return the new release, or the existing one if the same name@version was published with the same content
   * @throws dev.convoy.server.error.ConvoyException INVALID_ARGUMENT on a length or hash mismatch, ALREADY_EXISTS if
   *     name@version exists with other content; nothing is recorded then
   */
  public Release complete() {
    try {
      return catalogue.record(header, upload.verify(header.sha256()), upload, publisher);
    } finally {
      upload.close();
    }
  }

  @Override
  public void close() {
    upload.close();
  }
}
