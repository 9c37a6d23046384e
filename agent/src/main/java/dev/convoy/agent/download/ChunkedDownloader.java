package dev.convoy.agent.download;

import dev.convoy.agent.storage.AtomicFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chunk-verified, resumable payload downloads into {@code downloads/<sha256>.part}, renamed to
 * {@code <sha256>.payload} once the whole length and SHA-256 check out.
 *
 * <p>Resume: the existing {@code .part} is re-verified chunk by chunk against the manifest and truncated to the
 * last good chunk boundary (the last verified offset); the download continues from there. Each received chunk
 * must start at the expected offset, have the declared size and hash; nothing beyond the declared length is
 * accepted. Any disagreement deletes the partial file and throws {@link PayloadVerificationException}.
 *
 * <p>Thread-safety: one download per payload at a time (the agent's single deployment worker guarantees it).
 */
public final class ChunkedDownloader {
  private static final Logger logger = LoggerFactory.getLogger(ChunkedDownloader.class);

  private final Path directory;
  private final PayloadSource source;
  private final RateLimiter rateLimiter;

  /**
   * @param directory the downloads directory ({@code DIR/downloads}); created when needed
   * @param source the server's payload stream
   * @param rateLimiter paces the received bytes ({@link RateLimiter#unlimited()} for none)
   */
  public ChunkedDownloader(Path directory, PayloadSource source, RateLimiter rateLimiter) {
    this.directory = directory;
    this.source = source;
    this.rateLimiter = rateLimiter;
  }

  /** Where the verified payload for {@code sha256} lives once downloaded. */
  public Path payloadPath(String sha256) {
    return directory.resolve(sha256 + ".payload");
  }

  /** Where the partial payload for {@code sha256} lives while downloading. */
  public Path partPath(String sha256) {
    return directory.resolve(sha256 + ".part");
  }

  /**
   * Downloads (or finishes downloading) the payload of {@code deploymentId}'s release.
   *
   * @throws PayloadVerificationException if the server sent anything the manifest does not declare
   *     (the partial file is deleted)
   * @throws IncompleteDownloadException if the stream ended early (verified bytes are kept; a retry resumes)
   * @throws InterruptedIOException when the thread is interrupted (the agent is stopping)
   * @throws IOException on local disk errors
   */
  public DownloadResult download(String deploymentId, PayloadSpec spec) throws IOException {
    Files.createDirectories(directory);
    Path payload = payloadPath(spec.sha256());
    if (Files.isRegularFile(payload)) {
      if (matchesWhole(payload, spec)) {
        logger.info("download complete deployment={} resumed_from={} fetched_bytes=0", deploymentId, spec.length());
        return new DownloadResult(payload, spec.length(), 0);
      }
      Files.delete(payload);
    }
    Path part = partPath(spec.sha256());
    long resumedFrom;
    ChunkWriter writer;
    try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      MessageDigest whole = Sha256.newDigest();
      resumedFrom = verifiedPrefix(channel, spec, whole);
      channel.truncate(resumedFrom);
      channel.position(resumedFrom);
      channel.force(true);
      writer = new ChunkWriter(channel, spec, resumedFrom, whole, rateLimiter);
      if (resumedFrom < spec.length()) {
        logger.info("download start deployment={} sha256={} length={} resumed_from={}",
            deploymentId, spec.sha256(), spec.length(), resumedFrom);
        fetch(deploymentId, spec, writer, part);
      }
      channel.force(true);
    }
    requireWholeHash(writer, spec, part);
    AtomicFile.rename(part, payload);
    long fetched = writer.offset() - resumedFrom;
    logger.info("download complete deployment={} resumed_from={} fetched_bytes={}", deploymentId, resumedFrom, fetched);
    return new DownloadResult(payload, resumedFrom, fetched);
  }

  /** Removes the payload and any partial file for {@code sha256}. */
  public void delete(String sha256) throws IOException {
    Files.deleteIfExists(payloadPath(sha256));
    Files.deleteIfExists(partPath(sha256));
  }

  private void fetch(String deploymentId, PayloadSpec spec, ChunkWriter writer, Path part) throws IOException {
    try {
      source.fetch(deploymentId, writer.offset(), writer);
    } catch (PayloadVerificationException e) {
      Files.deleteIfExists(part);
      logger.warn("download refused deployment={} reason=\"{}\" (partial file deleted)", deploymentId, e.getMessage());
      throw e;
    }
    if (writer.offset() < spec.length()) {
      throw new IncompleteDownloadException("download: the server ended the stream at offset " + writer.offset()
          + " (expected: " + spec.length() + ")", writer.offset());
    }
  }

  private static void requireWholeHash(ChunkWriter writer, PayloadSpec spec, Path part) throws IOException {
    String actual = writer.wholeSha256();
    if (!actual.equals(spec.sha256())) {
      Files.deleteIfExists(part);
      throw new PayloadVerificationException("payload sha256: " + actual + " (expected: " + spec.sha256() + ")");
    }
  }

  /** Length of the leading run of whole chunks of the file that match the manifest; feeds them to {@code whole}. */
  private static long verifiedPrefix(FileChannel channel, PayloadSpec spec, MessageDigest whole) throws IOException {
    long size = channel.size();
    long offset = 0;
    for (int i = 0; i < spec.chunkCount() && offset + spec.chunkLength(i) <= size; i++) {
      ByteBuffer chunk = ByteBuffer.allocate(spec.chunkLength(i));
      while (chunk.hasRemaining()) {
        if (channel.read(chunk, offset + chunk.position()) < 0) {
          return offset;
        }
      }
      if (!Sha256.hex(chunk.flip()).equals(spec.chunkSha256().get(i))) {
        return offset;
      }
      whole.update(chunk);
      offset += chunk.capacity();
    }
    return offset;
  }

  private static boolean matchesWhole(Path file, PayloadSpec spec) throws IOException {
    if (Files.size(file) != spec.length()) {
      return false;
    }
    MessageDigest digest = Sha256.newDigest();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
      while (channel.read(buffer.clear()) >= 0) {
        digest.update(buffer.flip());
      }
    }
    return Sha256.hex(digest).equals(spec.sha256());
  }
}
