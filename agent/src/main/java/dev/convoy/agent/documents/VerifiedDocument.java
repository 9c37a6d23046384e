package dev.convoy.agent.documents;

import dev.convoy.release.ReleaseManifest;

/**
 * A document of a release on this workstation, verified: signature by a trusted publisher key, then its hash
 * against the signed manifest.
 *
 * @param release the release
 * @param manifest its verified manifest (its training item, its other documents)
 * @param document the document's file name ("" when only the manifest was wanted)
 * @param text the document's Markdown ("" when only the manifest was wanted)
 * @param source {@code local release file} or {@code server}
 */
public record VerifiedDocument(WorkstationRelease release, ReleaseManifest manifest, String document, String text,
    String source) {}
