package dev.convoy.release;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and signs a release file from a directory (packed as a deterministic tar.gz whose every entry the
 * manifest lists) or from a single file (a {@code .deb}, an installer), plus metadata and Markdown documents.
 * Document files get fixed names in the container: {@code release-notes.md}, {@code user-doc.md},
 * {@code runbook.md}, {@code kb-<id>.md}, {@code training.md}.
 *
 * <pre>{@code
 * BuiltRelease built = ReleaseBuilder.fromDirectory(dir)
 *     .name("libreoffice").version("7.6.4").installer(InstallerSpec.of("archive"))
 *     .releaseNotes(notes).runbook(runbook)
 *     .build(output, PublisherKeys.loadPrivateKey(keyFile));
 * }</pre>
 *
 * <p>Not thread-safe: configure and build from one thread. The sources must not change while building; a file
 * that changes size while packed fails the build.
 */
public final class ReleaseBuilder {
  private static final Logger logger = LoggerFactory.getLogger(ReleaseBuilder.class);

  private final Path source;
  private final PayloadFormat format;
  private String name;
  private SemanticVersion version;
  private InstallerSpec installer;
  private String payloadName;
  private DetectionRule detection;
  private final List<PackageConstraint> dependencies = new ArrayList<>();
  private final List<PackageConstraint> conflicts = new ArrayList<>();
  private final List<PackageConstraint> supersedes = new ArrayList<>();
  private final Map<String, String> osRequirements = new LinkedHashMap<>();
  private boolean downgrade;
  private final DocumentSources documents = new DocumentSources();

  private ReleaseBuilder(Path source, PayloadFormat format) {
    this.source = Objects.requireNonNull(source, "source");
    this.format = format;
  }

  /** A release whose payload is the contents of {@code directory}, packed as {@code payload.tar.gz}. */
  public static ReleaseBuilder fromDirectory(Path directory) {
    return new ReleaseBuilder(directory, PayloadFormat.TAR_GZ);
  }

  /** A release whose payload is {@code file} as is, named {@code payload.<extension>} (e.g. payload.deb). */
  public static ReleaseBuilder fromFile(Path file) {
    return new ReleaseBuilder(file, PayloadFormat.FILE);
  }

  /** Package name (required). */
  public ReleaseBuilder name(String name) {
    this.name = name;
    return this;
  }

  /** Version (required). @throws IllegalArgumentException when it is not semver */
  public ReleaseBuilder version(String version) {
    this.version = SemanticVersion.parse(version);
    return this;
  }

  /** Installer backend and parameters (required). */
  public ReleaseBuilder installer(InstallerSpec installer) {
    this.installer = installer;
    return this;
  }

  /** Overrides the payload's name inside the container. */
  public ReleaseBuilder payloadName(String payloadName) {
    this.payloadName = payloadName;
    return this;
  }

  /** How to detect that the release is already installed. */
  public ReleaseBuilder detection(DetectionRule detection) {
    this.detection = detection;
    return this;
  }

  /** A package that must be installed first. @throws IllegalArgumentException for a bad name or range */
  public ReleaseBuilder dependency(String name, String versions) {
    dependencies.add(PackageConstraint.of(name, versions));
    return this;
  }

  /** A package that must not be installed alongside. */
  public ReleaseBuilder conflict(String name, String versions) {
    conflicts.add(PackageConstraint.of(name, versions));
    return this;
  }

  /** Releases this one replaces. */
  public ReleaseBuilder supersedes(String name, String versions) {
    supersedes.add(PackageConstraint.of(name, versions));
    return this;
  }

  /**
   * A minimum OS fact, e.g. {@code ("os.family", "debian")} or {@code ("os.version", ">=12")} ({@link OsRequirements}).
   *
   * @throws IllegalArgumentException for comparators that are not well formed
   */
  public ReleaseBuilder osRequirement(String fact, String value) {
    OsRequirements.validate(fact, value);
    osRequirements.put(fact, value);
    return this;
  }

  /** Signs the release as an allowed downgrade (default false). */
  public ReleaseBuilder downgrade(boolean downgrade) {
    this.downgrade = downgrade;
    return this;
  }

  /** Release notes (a UTF-8 Markdown file). */
  public ReleaseBuilder releaseNotes(Path markdown) {
    documents.releaseNotes = markdown;
    return this;
  }

  /** User documentation (a UTF-8 Markdown file). */
  public ReleaseBuilder userDoc(Path markdown) {
    documents.userDoc = markdown;
    return this;
  }

  /** The production runbook (a UTF-8 Markdown file). */
  public ReleaseBuilder runbook(Path markdown) {
    documents.runbook = markdown;
    return this;
  }

  /** A technician KB article covering some states and exit codes (a UTF-8 Markdown file). */
  public ReleaseBuilder kbArticle(String id, String title, KbArticle.Coverage covers, Path markdown) {
    documents.articles.add(new DocumentSources.Article(id, title, covers, markdown));
    return this;
  }

  /** A training item that is a link. */
  public ReleaseBuilder trainingLink(String title, String audience, String link) {
    documents.training = new DocumentSources.TrainingSource(title, audience, link, null);
    return this;
  }

  /** A training item shipped as a document (a UTF-8 Markdown file). */
  public ReleaseBuilder trainingDocument(String title, String audience, Path markdown) {
    documents.training = new DocumentSources.TrainingSource(title, audience, null, markdown);
    return this;
  }

  /**
   * Packs, signs and writes the release to {@code output} (replaced atomically).
   *
   * @throws IllegalArgumentException naming the first missing or invalid input
   * @throws IOException when reading the sources or writing the output fails
   */
  public BuiltRelease build(Path output, PublisherKeyPair key) throws IOException {
    Objects.requireNonNull(key, "key");
    Text.required("name", name);
    Text.required("version", version);
    Text.required("installer", installer);
    Path dir = output.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path payloadFile = Files.createTempFile(dir, "." + output.getFileName() + ".payload-", ".tmp");
    Path containerFile = Files.createTempFile(dir, "." + output.getFileName() + ".", ".tmp");
    try {
      ReleaseDocuments docs = documents.refs();
      PayloadSpec payload = preparePayload(payloadFile);
      ReleaseManifest manifest = new ReleaseManifest(ReleaseFormat.FORMAT_VERSION, name, version, installer, payload,
          payload.contentBytes(), Optional.ofNullable(detection), dependencies, conflicts, supersedes, osRequirements,
          downgrade, docs);
      byte[] manifestBytes = manifest.encode();
      if (manifestBytes.length > ReleaseFormat.MAX_MANIFEST_BYTES) {
        throw new IllegalArgumentException("manifest: " + manifestBytes.length + " bytes (expected: at most "
            + ReleaseFormat.MAX_MANIFEST_BYTES + "; fewer or shorter payload paths)");
      }
      BuiltRelease built = writeContainer(containerFile, manifest, manifestBytes, key, payloadFile, output);
      FileTrees.moveAtomically(containerFile, output);
      FileTrees.fsyncDirectory(dir);
      logger.info("release built release={} file={} sha256={} signer={}", manifest.ref(), output, built.fileSha256(),
          key.id().display());
      return built;
    } finally {
      Files.deleteIfExists(payloadFile);
      Files.deleteIfExists(containerFile);
    }
  }

  private PayloadSpec preparePayload(Path payloadFile) throws IOException {
    List<PayloadEntry> entries = List.of();
    HashingOutputStream blob = new HashingOutputStream(new BufferedOutputStream(Files.newOutputStream(payloadFile),
        64 * 1024));
    try (HashingOutputStream out = blob) {
      if (format == PayloadFormat.TAR_GZ) {
        entries = PayloadPacker.pack(source, out);
      } else {
        copySingleFile(out);
      }
    }
    String payload = payloadName != null ? payloadName : format == PayloadFormat.TAR_GZ ? "payload.tar.gz"
        : "payload" + extension(source);
    return new PayloadSpec(payload, format, blob.count(), blob.sha256(), entries);
  }

  private void copySingleFile(OutputStream out) throws IOException {
    if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("payload file " + source + ": not a regular file (expected: a file such as"
          + " a .deb)");
    }
    try (InputStream in = Files.newInputStream(source)) {
      in.transferTo(out); // a private snapshot: the manifest's hash is of exactly these bytes
    }
  }

  private static String extension(Path file) {
    String fileName = file.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    String ext = dot < 0 ? "" : fileName.substring(dot);
    return ext.matches("\\.[A-Za-z0-9]{1,16}") ? ext : "";
  }

  private BuiltRelease writeContainer(Path containerFile, ReleaseManifest manifest, byte[] manifestBytes,
      PublisherKeyPair key, Path payloadFile, Path output) throws IOException {
    try (HashingOutputStream out = new HashingOutputStream(new BufferedOutputStream(
        Files.newOutputStream(containerFile), 64 * 1024))) {
      ContainerWriter container = new ContainerWriter(out);
      container.add(ReleaseFormat.MANIFEST_ENTRY, manifestBytes);
      container.add(ReleaseFormat.SIGNATURE_ENTRY, SignatureFile.sign(key, manifestBytes).encode());
      for (DocumentRef ref : manifest.documents().files()) {
        container.add(ref.entryName(), documents.content(ref.name()));
      }
      try (InputStream payload = Files.newInputStream(payloadFile)) {
        container.add(ReleaseFormat.PAYLOAD_PREFIX + manifest.payload().name(), manifest.payload().length(), payload);
      }
      container.finish();
      out.flush();
      try (FileChannel channel = FileChannel.open(containerFile, StandardOpenOption.WRITE)) {
        channel.force(true); // durable before the rename makes it visible
      }
      return new BuiltRelease(output, manifest, out.sha256(), out.count(), key.id());
    }
  }
}
