package dev.convoy.agent.documents;

/**
 * Port: where the agent gets a release's signed manifest and one document when it lacks the release file (the
 * server's {@code GetSignedDocument}). Nothing it answers is trusted until {@link UserDocuments} verified it.
 * Implementations are thread-safe.
 */
public interface SignedDocumentSource {
  /**
   * What the server answered, unverified.
   *
   * @param manifestJson the manifest bytes
   * @param signatureJson the manifest.sig bytes
   * @param document the document's file name ("" when none was asked for)
   * @param content the document's bytes
   */
  record Unverified(byte[] manifestJson, byte[] signatureJson, String document, byte[] content) {}

  /**
   * The manifest, signature and (unless {@code document} is empty) one document of {@code name@version}.
   *
   * @throws dev.convoy.agent.deployment.ServerException when the server refuses or cannot be reached
   */
  Unverified fetch(String name, String version, String document);
}
