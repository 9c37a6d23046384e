package dev.convoy.release;

/**
 * One entry of an archive payload as the signed manifest lists it. The reader refuses a payload whose entry
 * differs in any of these fields.
 *
 * @param path normalised relative path (components joined by '/', no '.', '..' or empty components, no backslash or
 *     control characters, at most 1024 bytes)
 * @param type what the entry is
 * @param mode permission bits: 0644 or 0755 for files, 0755 for directories, 0 for symlinks (links have no mode)
 * @param length content length for files, 0 otherwise
 * @param sha256 content hash for files (64 lowercase hex), null otherwise
 * @param target a symlink's relative target, which must resolve inside the payload; null otherwise
 */
public record PayloadEntry(String path, Type type, int mode, long length, String sha256, String target) {
  /** Regular file mode. */
  public static final int FILE_MODE = 0644;
  /** Executable file and directory mode. */
  public static final int EXECUTABLE_MODE = 0755;

  /** Entry type, spelled in the manifest as {@link #label()}. */
  public enum Type {
    FILE("file"), DIRECTORY("dir"), SYMLINK("symlink");

    private final String label;

    Type(String label) {
      this.label = label;
    }

    /** The type's name in the manifest. */
    public String label() {
      return label;
    }
  }

  /** @throws IllegalArgumentException naming the field that is wrong and what was expected */
  public PayloadEntry {
    PayloadPaths.checkPath("path", path);
    Text.required("type", type);
    switch (type) {
      case FILE -> {
        if (mode != FILE_MODE && mode != EXECUTABLE_MODE) {
          throw badMode(mode, "0644 or 0755");
        }
        Text.range("length", length, 0, ReleaseFormat.MAX_UNPACKED_BYTES);
        Text.sha256("sha256", sha256);
        requireAbsent("target", target);
      }
      case DIRECTORY -> {
        if (mode != EXECUTABLE_MODE) {
          throw badMode(mode, "0755");
        }
        requireNone(length, sha256, target);
      }
      case SYMLINK -> {
        if (mode != 0) {
          throw badMode(mode, "none for a symlink");
        }
        requireNone(length, sha256, null);
        PayloadPaths.resolveLink("target", path, target);
      }
    }
  }

  /** A regular file. */
  public static PayloadEntry file(String path, int mode, long length, String sha256) {
    return new PayloadEntry(path, Type.FILE, mode, length, sha256, null);
  }

  /** A directory (mode 0755). */
  public static PayloadEntry directory(String path) {
    return new PayloadEntry(path, Type.DIRECTORY, EXECUTABLE_MODE, 0, null, null);
  }

  /** A symbolic link. */
  public static PayloadEntry symlink(String path, String target) {
    return new PayloadEntry(path, Type.SYMLINK, 0, 0, null, target);
  }

  private static IllegalArgumentException badMode(int mode, String expected) {
    return new IllegalArgumentException("mode: " + String.format("%04o", mode) + " (expected: " + expected + ")");
  }

  private static void requireNone(long length, String sha256, String target) {
    if (length != 0) {
      throw new IllegalArgumentException("length: " + length + " (expected: 0, only files have content)");
    }
    requireAbsent("sha256", sha256);
    requireAbsent("target", target);
  }

  private static void requireAbsent(String field, String value) {
    if (value != null) {
      throw new IllegalArgumentException(field + ": " + Text.quoted(value) + " (expected: absent for this type)");
    }
  }
}
