package dev.convoy.agent.training;

/**
 * A training item of a release on this workstation, and whether the asking user attested it.
 *
 * @param releaseName the package
 * @param releaseVersion its version
 * @param installed whether the release is installed (else offered)
 * @param title the item's title ("" when it could not be read: see {@code problem})
 * @param audience who should take it
 * @param link its URL, or ""
 * @param document its document's file name, or "" (read it with {@code convoy-agent docs NAME --show training})
 * @param done whether the user attested it
 * @param reported whether the server acknowledged that attestation
 * @param problem why the item could not be read (server unreachable, did not verify), or ""
 */
public record TrainingItem(String releaseName, String releaseVersion, boolean installed, String title,
    String audience, String link, String document, boolean done, boolean reported, String problem) {}
