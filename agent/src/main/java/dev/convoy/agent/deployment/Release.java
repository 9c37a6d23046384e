package dev.convoy.agent.deployment;

import dev.convoy.agent.download.PayloadSpec;
import java.util.List;
import java.util.Objects;

/**
 * One immutable release as the desired state describes it (the agent's mirror of {@code convoy.v1.Release}).
 * Values are kept as received; {@link #payloadSpec()} validates what the downloader relies on.
 *
 * @param archiveFormat for the archive installer: {@code tar.gz} or {@code zip}; empty when not applicable
 */
public record Release(String name, String version, String installer, String sha256, long length, int chunkSize,
    List<String> chunkSha256, String archiveFormat) {
  public Release {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(installer, "installer");
    Objects.requireNonNull(sha256, "sha256");
    chunkSha256 = List.copyOf(chunkSha256);
    archiveFormat = archiveFormat == null ? "" : archiveFormat;
  }

  /**
   * What the payload must be.
   *
   * @throws IllegalArgumentException if the manifest is malformed, naming the field
   */
  public PayloadSpec payloadSpec() {
    return new PayloadSpec(sha256, length, chunkSize, chunkSha256);
  }

  /** {@code name@version}, for logs. */
  public String coordinates() {
    return name + "@" + version;
  }
}
