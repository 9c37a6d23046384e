package dev.convoy.server.testing;

import dev.convoy.release.InstallerSpec;
import dev.convoy.release.KbArticle;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.ReleaseBuilder;
import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.catalogue.Publication;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.catalogue.ReleaseHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Signed release files for server tests, built with the release module's {@link ReleaseBuilder} in a temporary
 * directory, and byte-level edits of them (the release module's tamper idea: flip one bit of one entry).
 */
public final class ReleaseFiles {
  public static final String MANIFEST = "convoy-release/manifest.json";
  public static final String SIGNATURE = "convoy-release/manifest.sig";
  public static final String PAYLOAD = "convoy-release/payload/payload.tar.gz";

  private ReleaseFiles() {}

  /**
   * An archive release of a small tree with installer parameter {@code target}, release notes, a runbook and one
   * KB article; signed by {@code key}.
   */
  public static byte[] build(Path dir, PublisherKeyPair key, String name, String version, boolean downgrade)
      throws IOException {
    return build(dir, key, name, version, b -> b.downgrade(downgrade));
  }

  /** As {@link #build(Path, PublisherKeyPair, String, String, boolean)}, with more set by {@code extra}. */
  public static byte[] build(Path dir, PublisherKeyPair key, String name, String version,
      java.util.function.Consumer<ReleaseBuilder> extra) throws IOException {
    return build(dir, key, name, version, 0, extra);
  }

  /**
   * As {@link #build(Path, PublisherKeyPair, String, String, java.util.function.Consumer)}, the tree also holding
   * {@code randomBytes} incompressible bytes (a release file at least that large, for chunked downloads).
   */
  public static byte[] build(Path dir, PublisherKeyPair key, String name, String version, int randomBytes,
      java.util.function.Consumer<ReleaseBuilder> extra) throws IOException {
    Path work = Files.createTempDirectory(dir, "release-");
    Path tree = Files.createDirectories(work.resolve("tree/bin"));
    Files.writeString(tree.resolve("hello"), "#!/bin/sh\necho hello " + version + "\n");
    Files.writeString(work.resolve("tree/README"), "x".repeat(4000)); // a payload of a few hundred bytes
    if (randomBytes > 0) {
      byte[] noise = new byte[randomBytes];
      new java.util.Random(randomBytes).nextBytes(noise);
      Files.write(work.resolve("tree/data.bin"), noise);
    }
    Path notes = Files.writeString(work.resolve("notes.md"), "# " + version + "\nBetter.\n");
    Path runbook = Files.writeString(work.resolve("runbook.md"), "1. install\n");
    Path kb = Files.writeString(work.resolve("kb.md"), "Free some disk space.\n");
    Path out = work.resolve(name + "-" + version + ".cvr");
    ReleaseBuilder builder = ReleaseBuilder.fromDirectory(work.resolve("tree")).name(name).version(version)
        .installer(new InstallerSpec("archive", Map.of("target", "/opt/" + name)))
        .releaseNotes(notes).runbook(runbook)
        .kbArticle("KB-1", "Disk full", new KbArticle.Coverage(List.of("INSTALLING"), List.of(28)), kb);
    extra.accept(builder);
    builder.build(out, key);
    return Files.readAllBytes(out);
  }

  /**
   * Publishes a release file through the catalogue domain (as PublishRelease does, without gRPC), as "admin".
   *
   * @throws dev.convoy.server.error.ConvoyException as {@link CatalogueService#beginPublish} and
   *     {@link Publication#complete} do
   */
  public static Release publish(CatalogueService catalogue, byte[] file) {
    try (Publication publication = catalogue.beginPublish(ReleaseHeader.signedFile(SignedPublisher.sha256(file),
        file.length), "admin")) {
      publication.write(ByteBuffer.wrap(file));
      return publication.complete();
    }
  }

  /** A copy of {@code file} with one bit flipped at {@code offset} bytes into the content of entry {@code name}. */
  public static byte[] flip(byte[] file, String name, int offset) {
    byte[] copy = file.clone();
    copy[contentOffset(file, name) + offset] ^= 0x04;
    return copy;
  }

  /** A copy of {@code file} without entry {@code name} (header, content and padding cut out). */
  public static byte[] without(byte[] file, String name) {
    int header = contentOffset(file, name) - 512;
    int end = header + 512 + (int) ((size(file, header) + 511) / 512 * 512);
    byte[] out = new byte[file.length - (end - header)];
    System.arraycopy(file, 0, out, 0, header);
    System.arraycopy(file, end, out, header, file.length - end);
    return out;
  }

  /** The content of entry {@code name}. */
  public static byte[] content(byte[] file, String name) {
    int at = contentOffset(file, name);
    return java.util.Arrays.copyOfRange(file, at, at + length(file, name));
  }

  /** A copy of {@code file} whose entry {@code name} holds {@code content} instead (same length only). */
  public static byte[] replace(byte[] file, String name, byte[] content) {
    if (content.length != length(file, name)) {
      throw new IllegalArgumentException("replacement for " + name + ": " + content.length + " bytes (expected: "
          + length(file, name) + ")");
    }
    byte[] copy = file.clone();
    System.arraycopy(content, 0, copy, contentOffset(file, name), content.length);
    return copy;
  }

  /** A copy of {@code file} with a regular-file entry {@code name} inserted just before entry {@code before}. */
  public static byte[] insertBefore(byte[] file, String before, String name, byte[] content) {
    int at = contentOffset(file, before) - 512;
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", content.length));
    put(header, 136, "00000000000");
    header[156] = '0';
    put(header, 257, "ustar");
    put(header, 263, "00");
    put(header, 329, "0000000");
    put(header, 337, "0000000");
    java.util.Arrays.fill(header, 148, 156, (byte) ' ');
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum));
    header[155] = ' ';
    int padded = (content.length + 511) / 512 * 512;
    byte[] out = new byte[file.length + 512 + padded];
    System.arraycopy(file, 0, out, 0, at);
    System.arraycopy(header, 0, out, at, 512);
    System.arraycopy(content, 0, out, at + 512, content.length);
    System.arraycopy(file, at, out, at + 512 + padded, file.length - at);
    return out;
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  /** The length of the content of entry {@code name}. */
  public static int length(byte[] file, String name) {
    return (int) size(file, contentOffset(file, name) - 512);
  }

  /** Walks the ustar headers of the container to the content of entry {@code name}. */
  private static int contentOffset(byte[] file, String name) {
    int at = 0;
    while (at + 512 <= file.length && file[at] != 0) {
      String entry = new String(file, at, 100, StandardCharsets.US_ASCII).replace("\0", "");
      long size = size(file, at);
      if (entry.equals(name)) {
        return at + 512;
      }
      at += 512 + (int) ((size + 511) / 512 * 512);
    }
    throw new IllegalArgumentException("no entry " + name);
  }

  private static long size(byte[] file, int header) {
    return Long.parseLong(new String(file, header + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
  }
}
