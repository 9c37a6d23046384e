package dev.convoy.release;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.nio.file.Path;

/**
 * Where a verified payload goes while it streams. The reader calls {@link #open} only after the signature,
 * manifest and documents verified, then entry by entry in manifest order, then {@link #commit()} once everything
 * (blob hash, container end) checked out, or {@link #discard()} on any failure. Not thread-safe.
 */
interface PayloadSink {
  /** A sink that writes nothing: {@code inspect}. */
  PayloadSink DISCARD = new PayloadSink() {
    @Override
    public void open(PayloadFormat format) {}

    @Override
    public void directory(String path, int mode) {}

    @Override
    public OutputStream file(String path) {
      return OutputStream.nullOutputStream();
    }

    @Override
    public void fileDone(String path, int mode) {}

    @Override
    public void symlink(String path, String target) {}

    @Override
    public OutputStream blob() {
      return OutputStream.nullOutputStream();
    }

    @Override
    public void commit() {}

    @Override
    public void discard() {}

    @Override
    public Optional<Path> location() {
      return Optional.empty();
    }
  };

  void open(PayloadFormat format) throws IOException;

  void directory(String path, int mode) throws IOException;

  /** A new file at {@code path}; the caller closes the stream, then calls {@link #fileDone}. */
  OutputStream file(String path) throws IOException;

  void fileDone(String path, int mode) throws IOException;

  void symlink(String path, String target) throws IOException;

  /** The destination for a single-file payload; the caller closes it. */
  OutputStream blob() throws IOException;

  /** Makes the written payload durable. */
  void commit() throws IOException;

  /** Removes everything this sink wrote; never throws. */
  void discard();

  /** Where the payload went, if anywhere. */
  Optional<Path> location();
}
