package dev.convoy.agent.testing;

import dev.convoy.agent.deployment.CampaignTerms;
import dev.convoy.agent.deployment.DeploymentAction;
import dev.convoy.agent.deployment.DeploymentSpec;
import dev.convoy.agent.deployment.Release;
import dev.convoy.release.BuiltRelease;
import dev.convoy.release.InstallerSpec;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.release.PublisherPublicKey;
import dev.convoy.release.ReleaseBuilder;
import dev.convoy.release.ReleaseReader;
import dev.convoy.release.TrustedKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A signed release for agent tests, as a publisher builds it and the server describes it: a release file signed by
 * {@link #KEY} around a single-file payload ({@link #content()}, what an installer gets once the agent verified
 * it). {@link #payload()} is the release file the agent downloads. Immutable; built in a temporary directory that
 * is deleted again.
 */
public final class TestRelease {
  /** The publisher key every test release is signed with; the test servers list it as trusted. */
  public static final PublisherKeyPair KEY = PublisherKeys.generate();

  private final String name;
  private final String version;
  private final String installer;
  private final byte[] content;
  private final TestPayload payload;
  private final String manifestSha256;

  private TestRelease(String name, String version, String installer, byte[] content, TestPayload payload,
      String manifestSha256) {
    this.name = name;
    this.version = version;
    this.installer = installer;
    this.content = content;
    this.payload = payload;
    this.manifestSha256 = manifestSha256;
  }

  /** {@code contentLength} deterministic pseudo-random bytes as {@code name@version}, downloaded in chunks. */
  public static TestRelease random(String name, String version, String installer, int contentLength, int chunkSize,
      long seed) {
    byte[] content = new byte[contentLength];
    new Random(seed).nextBytes(content);
    return of(name, version, installer, content, chunkSize);
  }

  /** {@code content} as the single-file payload of {@code name@version} for backend {@code installer}. */
  public static TestRelease of(String name, String version, String installer, byte[] content, int chunkSize) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("convoy-test-release-");
      Path file = Files.write(dir.resolve("payload.bin"), content);
      BuiltRelease built = ReleaseBuilder.fromFile(file).name(name).version(version)
          .installer(new InstallerSpec(installer, Map.of())).build(dir.resolve("release.cvr"), KEY);
      String manifestSha256 = ReleaseReader.inspect(built.file(), TrustedKeys.of(KEY.publicKey())).manifestSha256();
      return new TestRelease(name, version, installer, content.clone(),
          TestPayload.of(Files.readAllBytes(built.file()), chunkSize), manifestSha256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  /**
   * How a server describes a signed release {@code name@version}, without a release file: for tests that never
   * download or verify it (journal, notices, plans).
   */
  public static Release described(String name, String version, String installer) {
    return new Release(name, version, installer, "a".repeat(64), 1, 1, List.of("a".repeat(64)), "",
        Release.SIGNED_FORMAT, KEY.publicKey().id().hex(), Map.of(), "b".repeat(64), false);
  }

  /** The publisher keys a desired state lists: {@link #KEY}. */
  public static List<PublisherPublicKey> keys() {
    return List.of(KEY.publicKey());
  }

  /** {@link #KEY} as the server lists it in a desired state. */
  public static dev.convoy.protocol.v1.PublisherKey keyProto() {
    return SignedReleases.proto(KEY);
  }

  /** The release file, as the server serves it for download. */
  public TestPayload payload() {
    return payload;
  }

  /** The bytes the verified payload holds (what an installer copies). */
  public byte[] content() {
    return content.clone();
  }

  /** The release as the agent's domain describes it (from a desired state). */
  public Release release() {
    return new Release(name, version, installer, payload.sha256(), payload.length(), payload.chunkSize(),
        payload.chunkSha256(), "", Release.SIGNED_FORMAT, KEY.publicKey().id().hex(), Map.of(), manifestSha256,
        false);
  }

  /** A deployment of this release, the server trusting {@link #KEY}. */
  public DeploymentSpec spec(String deploymentId, String campaignId, DeploymentAction action, int attempt,
      CampaignTerms terms) {
    return new DeploymentSpec(deploymentId, campaignId, release(), action, attempt, false, keys(), terms);
  }

  /** An install of this release with the gate open ({@link CampaignTerms#LEGACY}). */
  public DeploymentSpec install(String deploymentId, String campaignId) {
    return spec(deploymentId, campaignId, DeploymentAction.INSTALL, 1, CampaignTerms.LEGACY);
  }

  /** The release as it travels in a desired state. */
  public dev.convoy.protocol.v1.Release proto() {
    return dev.convoy.protocol.v1.Release.newBuilder().setName(name).setVersion(version).setInstaller(installer)
        .setSha256(payload.sha256()).setLength(payload.length()).setChunkSize(payload.chunkSize())
        .addAllChunkSha256(payload.chunkSha256()).setFormat(Release.SIGNED_FORMAT)
        .setSignerKeyId(KEY.publicKey().id().hex()).setManifestSha256(manifestSha256).build();
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
