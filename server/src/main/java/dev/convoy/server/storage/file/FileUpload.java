package dev.convoy.server.storage.file;

import dev.convoy.server.catalogue.ContentStore;
import dev.convoy.server.catalogue.StoredContent;
import dev.convoy.server.error.ConvoyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One payload being received into a temporary file, hashed as it arrives: the whole SHA-256 and one per chunk.
 * Used by one caller at a time.
 */
final class FileUpload implements ContentStore.Upload {
  private final FileContentStore store;
  private final Path file;
  private final FileChannel channel;
  private final long declaredLength;
  private final int chunkSize;
  private final MessageDigest whole = sha256();
  private final MessageDigest chunk = sha256();
  private final List<String> chunkHashes = new ArrayList<>();
  private long written;
  private int chunkFill;
  private String verifiedSha256;
  private boolean stored;
  private boolean closed;

  FileUpload(FileContentStore store, Path file, FileChannel channel, long declaredLength, int chunkSize) {
    this.store = store;
    this.file = file;
    this.channel = channel;
    this.declaredLength = declaredLength;
    this.chunkSize = chunkSize;
  }

  @Override
  public void write(ByteBuffer data) {
    requireOpen();
    if (written + data.remaining() > declaredLength) {
      long received = written + data.remaining();
      close();
      throw ConvoyException.invalidArgument("length: declared " + declaredLength + " bytes, payload has more (at least "
          + received + ")");
    }
    try {
      while (data.hasRemaining()) {
        ByteBuffer slice = data.slice();
        slice.limit(Math.min(slice.remaining(), chunkSize - chunkFill));
        whole.update(slice.duplicate());
        chunk.update(slice.duplicate());
        int n = slice.remaining();
        while (slice.hasRemaining()) {
          channel.write(slice);
        }
        data.position(data.position() + n);
        written += n;
        chunkFill += n;
        if (chunkFill == chunkSize) {
          finishChunk();
        }
      }
    } catch (IOException e) {
      close();
      throw ConvoyException.internal("content store: cannot write upload file " + file, e);
    }
  }

  @Override
  public StoredContent verify(String declaredSha256) {
    requireOpen();
    if (written != declaredLength) {
      close();
      throw ConvoyException.invalidArgument("length: declared " + declaredLength + " bytes, payload has " + written);
    }
    if (chunkFill > 0) {
      finishChunk();
    }
    String actual = HexFormat.of().formatHex(whole.digest());
    if (!actual.equals(declaredSha256)) {
      close();
      throw ConvoyException.invalidArgument("sha256: declared " + declaredSha256 + ", payload has " + actual);
    }
    verifiedSha256 = actual;
    return new StoredContent(actual, written, chunkSize, chunkHashes);
  }

  @Override
  public Path path() {
    return file;
  }

  @Override
  public void store() {
    requireOpen();
    if (verifiedSha256 == null) {
      throw new IllegalStateException("store() before a successful verify()");
    }
    try {
      channel.force(true);
      channel.close();
      store.install(file, verifiedSha256);
      stored = true;
    } catch (IOException e) {
      close();
      throw ConvoyException.internal("content store: cannot store payload " + verifiedSha256, e);
    } finally {
      closed = true;
    }
  }

  @Override
  public void close() {
    if (closed && (stored || !Files.exists(file))) {
      return;
    }
    closed = true;
    try {
      channel.close();
      if (!stored) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw ConvoyException.internal("content store: cannot discard upload file " + file, e);
    }
  }

  private void finishChunk() {
    chunkHashes.add(HexFormat.of().formatHex(chunk.digest()));
    chunkFill = 0;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("upload is closed");
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
