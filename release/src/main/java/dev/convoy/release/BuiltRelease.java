package dev.convoy.release;

import java.nio.file.Path;

/**
 * A release file {@link ReleaseBuilder} wrote. Immutable.
 *
 * @param file where it was written
 * @param manifest its signed manifest
 * @param fileSha256 SHA-256 of the whole file (its content address)
 * @param fileLength its length in bytes
 * @param signer the id of the key that signed it
 */
public record BuiltRelease(Path file, ReleaseManifest manifest, String fileSha256, long fileLength, KeyId signer) {}
