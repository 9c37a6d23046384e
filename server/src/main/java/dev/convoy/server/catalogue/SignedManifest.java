package dev.convoy.server.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the catalogue keeps from the verified, signed manifest of a {@code convoy-release} file. Immutable.
 *
 * @param signerKeyId hex id of the trusted publisher key that signed it
 * @param manifestSha256 SHA-256 of the exact manifest bytes (binds approvals to the content)
 * @param installerParameters the installer's parameters from the manifest
 * @param downgrade whether the publisher signed it as an allowed downgrade
 * @param documents the documents it carries, in the manifest's order of slots
 * @param relations its dependencies, conflicts, superseded packages and OS requirements
 */
public record SignedManifest(String signerKeyId, String manifestSha256, Map<String, String> installerParameters,
    boolean downgrade, List<ReleaseDocument> documents, PackageRelations relations) {
  /** The value of {@code PublishHeader.format} and {@code Release.format} for signed release files. */
  public static final String FORMAT = "convoy-release";

  public SignedManifest {
    Objects.requireNonNull(signerKeyId, "signerKeyId");
    Objects.requireNonNull(manifestSha256, "manifestSha256");
    installerParameters = Map.copyOf(installerParameters);
    documents = List.copyOf(documents);
    relations = relations == null ? PackageRelations.NONE : relations;
  }

  /** A manifest that declares no relations. */
  public SignedManifest(String signerKeyId, String manifestSha256, Map<String, String> installerParameters,
      boolean downgrade, List<ReleaseDocument> documents) {
    this(signerKeyId, manifestSha256, installerParameters, downgrade, documents, PackageRelations.NONE);
  }
}
