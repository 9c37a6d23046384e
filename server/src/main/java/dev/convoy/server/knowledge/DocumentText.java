package dev.convoy.server.knowledge;

import dev.convoy.server.catalogue.Release;
import dev.convoy.server.catalogue.ReleaseDocument;

/**
 * One document of a release and its text, verified against the signed manifest when it was read.
 *
 * @param release the release
 * @param document the document as the manifest lists it
 * @param text UTF-8 Markdown as written
 * @param manifestJson the exact signed manifest bytes (for an agent that verifies the signature itself)
 * @param signatureJson the exact manifest.sig bytes
 */
public record DocumentText(Release release, ReleaseDocument document, String text, byte[] manifestJson,
    byte[] signatureJson) {}
