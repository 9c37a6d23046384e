package dev.convoy.release;

/**
 * Why a release was refused. Stable codes: agents report them in a FAILED_VERIFICATION state and the server maps
 * them to a gRPC status at its edge.
 */
public enum VerificationReason {
  /** The container has no manifest.sig right after manifest.json. */
  UNSIGNED,
  /** The signature names a key that is not in the caller's {@link TrustedKeys}. */
  UNTRUSTED_KEY,
  /** The signature does not verify over the manifest bytes, or manifest.sig is malformed. */
  BAD_SIGNATURE,
  /** The (correctly signed) manifest is not valid canonical JSON or breaks the schema. */
  MALFORMED_MANIFEST,
  /** The container is not a well-formed POSIX ustar archive (bad header, checksum, padding, trailing data). */
  MALFORMED_CONTAINER,
  /** The payload archive is not a well-formed tar.gz (corrupt gzip or tar, data after its end). */
  MALFORMED_PAYLOAD,
  /** A document is not valid UTF-8. */
  MALFORMED_DOCUMENT,
  /** A document, payload entry or the payload blob has a SHA-256 other than the manifest lists. */
  HASH_MISMATCH,
  /** A document, payload entry or the payload blob has a length other than the manifest lists. */
  LENGTH_MISMATCH,
  /** A payload entry's type, mode or symlink target differs from the manifest. */
  ENTRY_MISMATCH,
  /** An entry is present that the manifest does not list (or the format does not allow). */
  UNLISTED_ENTRY,
  /** An entry the manifest lists (or the format requires) is absent. */
  MISSING_ENTRY,
  /** An entry appears twice. */
  DUPLICATE_ENTRY,
  /** An entry appears before one that must precede it. */
  OUT_OF_ORDER,
  /** A payload entry is a hard link, device, fifo or other type that is never extracted. */
  UNSAFE_ENTRY,
  /** The input ended early. */
  TRUNCATED,
  /** A size or count is above the format's or the caller's limit. */
  TOO_LARGE,
  /** The release is older than the installed version and not an allowed, signed downgrade. */
  DOWNGRADE,
  /** The caller's {@link ManifestGate} refused the (authentic) manifest for another reason. */
  UNEXPECTED_RELEASE
}
