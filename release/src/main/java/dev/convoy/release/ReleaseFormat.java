package dev.convoy.release;

/**
 * The fixed facts of release format version 1: container entry names and the limits every reader enforces.
 * They are part of the file format (release/README.md), so they are constants, not configuration; a reader may
 * lower the payload limits further with {@link ReleaseLimits}.
 */
public final class ReleaseFormat {
  /** The only format version this module reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /** Directory prefix of every container entry. */
  public static final String PREFIX = "convoy-release/";
  /** First container entry: the canonical JSON manifest. */
  public static final String MANIFEST_ENTRY = PREFIX + "manifest.json";
  /** Second container entry: the detached signature over the manifest bytes. */
  public static final String SIGNATURE_ENTRY = PREFIX + "manifest.sig";
  /** Prefix of the document entries ({@code convoy-release/docs/<name>.md}). */
  public static final String DOCS_PREFIX = PREFIX + "docs/";
  /** Prefix of the payload entry ({@code convoy-release/payload/<payload name>}). */
  public static final String PAYLOAD_PREFIX = PREFIX + "payload/";

  /**
   * Largest manifest.json. 1 MiB would hold only about 7,000 listed payload files; 16 MiB holds the
   * {@link #MAX_PAYLOAD_ENTRIES} limit with room for long paths, and is still a bounded read before the signature
   * is checked.
   */
  public static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
  /** Largest manifest.sig. */
  public static final int MAX_SIGNATURE_BYTES = 4096;
  /** Largest single document. */
  public static final int MAX_DOCUMENT_BYTES = 1024 * 1024;
  /** Most documents in one release. */
  public static final int MAX_DOCUMENTS = 64;
  /** Most entries listed for an archive payload. */
  public static final int MAX_PAYLOAD_ENTRIES = 100_000;
  /** Largest payload blob: 64 GiB (the server's content store accepts the same). */
  public static final long MAX_PAYLOAD_BYTES = 64L * 1024 * 1024 * 1024;
  /** Largest unpacked size of an archive payload: 256 GiB. */
  public static final long MAX_UNPACKED_BYTES = 256L * 1024 * 1024 * 1024;
  /** Longest payload entry path or symlink target, in UTF-8 bytes. */
  public static final int MAX_PATH_BYTES = 1024;
  /** Longest path component, in UTF-8 bytes (the usual file-system limit). */
  public static final int MAX_COMPONENT_BYTES = 255;
  /** Most zero bytes accepted after the container's end-of-archive marker (one tar record of padding). */
  public static final int MAX_TRAILING_ZERO_BYTES = 10240;

  private ReleaseFormat() {}
}
