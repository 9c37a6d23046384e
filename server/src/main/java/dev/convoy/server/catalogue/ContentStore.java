package dev.convoy.server.catalogue;

import java.nio.channels.SeekableByteChannel;

/**
 * Port: release payloads, content-addressed by SHA-256 and stored once per hash. Implementations are thread-safe;
 * each {@link Upload} is used by one caller.
 */
public interface ContentStore {
  /** Starts receiving a payload announced as {@code declaredLength} bytes, hashed per {@code chunkSize} chunk. */
  Upload begin(long declaredLength, int chunkSize);

  boolean contains(String sha256);

  /**
   * Opens a stored payload for reading; the caller closes the channel.
   *
   * @throws dev.convoy.server.error.ConvoyException NOT_FOUND if no payload has this hash
   */
  SeekableByteChannel open(String sha256);

  /**
   * A payload being received: streamed to a temporary file while its hashes are computed, so that memory use does
   * not depend on its size. Nothing is visible in the store until {@link #store()}; {@link #close()} discards an
   * upload that was not stored.
   */
  interface Upload extends AutoCloseable {
    /**
     * Appends {@code data}.
     *
     * @throws dev.convoy.server.error.ConvoyException INVALID_ARGUMENT (field {@code length}) as soon as the
     *     bytes received exceed the declared length; the upload is discarded
     */
    void write(java.nio.ByteBuffer data);

    /**
     * Finishes hashing and checks the payload against what was declared.
     *
     * @throws dev.convoy.server.error.ConvoyException INVALID_ARGUMENT naming {@code length} or {@code sha256} and
     *     both the declared and the actual value; the upload is discarded
     */
    StoredContent verify(String declaredSha256);

    /**
     * The temporary file holding the received bytes, to be read (not changed) between {@link #verify} and
     * {@link #store()}, e.g. to check a signed release file before anything is recorded.
     */
    java.nio.file.Path path();

    /** Makes a verified payload durable under its hash (fsync, atomic rename); a no-op if already stored. */
    void store();

    /** Discards the temporary file unless {@link #store()} succeeded. Idempotent. */
    @Override
    void close();
  }
}
