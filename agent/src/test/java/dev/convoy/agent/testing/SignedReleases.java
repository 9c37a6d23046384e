package dev.convoy.agent.testing;

import dev.convoy.release.BuiltRelease;
import dev.convoy.release.InstallerSpec;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.release.ReleaseBuilder;
import dev.convoy.release.ReleaseReader;
import dev.convoy.release.TrustedKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Signed release files for agent tests, built with the release module's own {@link ReleaseBuilder}, their wire
 * form, and byte-level tampering of the container (release/README.md: ustar entries of 512-byte blocks).
 */
public final class SignedReleases {
  private static final int BLOCK = 512;

  private SignedReleases() {}

  /** A release of {@code content} (a directory: tar.gz payload; a file: single-file payload) in {@code out}. */
  public static BuiltRelease build(Path content, String name, String version, String installer,
      Map<String, String> parameters, boolean downgrade, PublisherKeyPair key, Path out) {
    return build(content, name, version, installer, parameters, downgrade, key, out, b -> { });
  }

  /** As above, {@code extra} adding to the manifest (dependencies, conflicts, supersedes, OS requirements). */
  public static BuiltRelease build(Path content, String name, String version, String installer,
      Map<String, String> parameters, boolean downgrade, PublisherKeyPair key, Path out,
      java.util.function.Consumer<ReleaseBuilder> extra) {
    try {
      Files.createDirectories(out);
      ReleaseBuilder builder = Files.isDirectory(content) ? ReleaseBuilder.fromDirectory(content)
          : ReleaseBuilder.fromFile(content);
      builder.name(name).version(version).installer(new InstallerSpec(installer, parameters)).downgrade(downgrade);
      extra.accept(builder);
      return builder.build(out.resolve(name + "-" + version + "-" + UUID.randomUUID() + ".cvr"), key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The key as the server lists it in a desired state. */
  public static dev.convoy.protocol.v1.PublisherKey proto(PublisherKeyPair key) {
    return dev.convoy.protocol.v1.PublisherKey.newBuilder().setKeyId(key.publicKey().id().hex()).setName("tests")
        .setPublicKeyPem(PublisherKeys.publicKeyPem(key.publicKey())).build();
  }

  /** The wire release for {@code bytes} (possibly tampered) of {@code built}, as the server would send it. */
  public static dev.convoy.protocol.v1.Release proto(BuiltRelease built, TestPayload payload) {
    return dev.convoy.protocol.v1.Release.newBuilder().setName(built.manifest().name())
        .setVersion(built.manifest().version().toString()).setInstaller(built.manifest().installer().type())
        .setSha256(payload.sha256()).setLength(payload.length()).setChunkSize(payload.chunkSize())
        .addAllChunkSha256(payload.chunkSha256()).setFormat("convoy-release")
        .putAllInstallerParameters(built.manifest().installer().parameters())
        .setDowngrade(built.manifest().downgrade())
        .addAllDependencies(ranges(built.manifest().dependencies()))
        .addAllConflicts(ranges(built.manifest().conflicts()))
        .addAllSupersedes(ranges(built.manifest().supersedes()))
        .putAllOsRequirements(built.manifest().osRequirements()).build();
  }

  private static List<dev.convoy.protocol.v1.PackageRange> ranges(List<dev.convoy.release.PackageConstraint> list) {
    return list.stream().map(c -> dev.convoy.protocol.v1.PackageRange.newBuilder().setName(c.name())
        .setVersions(c.versions().toString()).build()).toList();
  }

  /** The manifest SHA-256 of an intact release, as the server records it on upload. */
  public static String manifestSha256(BuiltRelease built, PublisherKeyPair key) {
    try {
      return ReleaseReader.inspect(built.file(), TrustedKeys.of(key.publicKey())).manifestSha256();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(BuiltRelease built) {
    try {
      return Files.readAllBytes(built.file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Offset of the content of the container entry named {@code name}. */
  public static int contentOffset(byte[] release, String name) {
    for (int at = 0; at + BLOCK <= release.length; ) {
      String entry = new String(release, at, 100, StandardCharsets.US_ASCII).replace("\0", "");
      if (entry.isEmpty()) {
        break;
      }
      if (entry.equals(name)) {
        return at + BLOCK;
      }
      at += BLOCK + padded(size(release, at));
    }
    throw new IllegalArgumentException("no entry " + name);
  }

  /** A copy with one bit of byte {@code offset} flipped. */
  public static byte[] flip(byte[] release, int offset) {
    byte[] copy = release.clone();
    copy[offset] ^= 0x01;
    return copy;
  }

  /** A copy with a character of the signature's base64 changed (still well-formed JSON and base64). */
  public static byte[] forgeSignature(byte[] release) {
    String text = new String(release, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("\"signature\":\"") + "\"signature\":\"".length() + 10;
    byte[] copy = release.clone();
    copy[at] = (byte) (copy[at] == 'A' ? 'B' : 'A');
    return copy;
  }

  /** The container without its manifest.sig entry: an unsigned release. */
  public static byte[] withoutSignature(byte[] release) {
    int sig = contentOffset(release, "convoy-release/manifest.sig") - BLOCK;
    int end = sig + BLOCK + padded(size(release, sig));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(release, 0, sig);
    out.write(release, end, release.length - end);
    return out.toByteArray();
  }

  /** The container with one more file inside its tar.gz payload (the last entry), header fixed up. */
  public static byte[] withExtraPayloadFile(byte[] release, String payloadName, String extra) throws IOException {
    int content = contentOffset(release, "convoy-release/payload/" + payloadName);
    int header = content - BLOCK;
    byte[] blob = Arrays.copyOfRange(release, content, content + (int) size(release, header));
    byte[] forged = addTarEntry(blob, extra);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] newHeader = Arrays.copyOfRange(release, header, content);
    String size = String.format("%011o", forged.length);
    System.arraycopy(size.getBytes(StandardCharsets.US_ASCII), 0, newHeader, 124, 11);
    Arrays.fill(newHeader, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : newHeader) {
      sum += b & 0xff;
    }
    byte[] checksum = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(checksum, 0, newHeader, 148, 6);
    newHeader[154] = 0;
    newHeader[155] = ' ';
    out.write(release, 0, header);
    out.write(newHeader);
    out.write(forged);
    out.write(new byte[padded(forged.length) - forged.length]);
    out.write(new byte[2 * BLOCK]);
    return out.toByteArray();
  }

  private static byte[] addTarEntry(byte[] tarGz, String extra) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(tarGz)));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        tar.putArchiveEntry(entry);
        in.transferTo(tar);
        tar.closeArchiveEntry();
      }
      byte[] data = "planted\n".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry planted = new TarArchiveEntry(extra);
      planted.setSize(data.length);
      tar.putArchiveEntry(planted);
      tar.write(data);
      tar.closeArchiveEntry();
    }
    return out.toByteArray();
  }

  private static long size(byte[] release, int header) {
    return Long.parseLong(new String(release, header + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
  }

  private static int padded(long size) {
    return (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
  }
}
