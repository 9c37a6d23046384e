package dev.convoy.installers.archive;

import java.util.Objects;

/**
 * One extracted entry as recorded in the version's manifest, so verify can check it later.
 *
 * @param path normalised path relative to the version directory, '/'-separated
 * @param type what was written
 * @param size content bytes (files), else 0
 * @param sha256 lowercase hex SHA-256 of the content (files), else null
 * @param executable whether the file was made 0755 (files), else false
 * @param linkTarget the symlink's target as written (symlinks), else null
 */
public record FileRecord(String path, Type type, long size, String sha256, boolean executable, String linkTarget) {
  public enum Type { FILE, DIRECTORY, SYMLINK }

  public FileRecord {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
  }

  public static FileRecord file(String path, long size, String sha256, boolean executable) {
    return new FileRecord(path, Type.FILE, size, Objects.requireNonNull(sha256, "sha256"), executable, null);
  }

  public static FileRecord directory(String path) {
    return new FileRecord(path, Type.DIRECTORY, 0, null, false, null);
  }

  public static FileRecord symlink(String path, String target) {
    return new FileRecord(path, Type.SYMLINK, 0, null, false, Objects.requireNonNull(target, "target"));
  }
}
