package dev.convoy.installers.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * One archive entry as the extractor sees it, whatever the format.
 *
 * @param name the entry's name exactly as the archive spells it (not yet checked)
 * @param kind what the entry is
 * @param size declared content size for files, or -1 when unknown
 * @param executable whether any execute bit is set in the entry's mode
 * @param linkTarget the target of a symbolic or hard link, else null
 * @param description for {@link Kind#SPECIAL}: what it is ("character device"), else null
 * @param content opens the entry's bytes (files only); valid until the reader moves to the next entry
 */
record ArchiveItem(String name, Kind kind, long size, boolean executable, String linkTarget, String description,
    Content content) {

  enum Kind { DIRECTORY, FILE, SYMLINK, HARDLINK, SPECIAL }

  @FunctionalInterface
  interface Content {
    InputStream open() throws IOException;
  }

  static ArchiveItem directory(String name) {
    return new ArchiveItem(name, Kind.DIRECTORY, 0, false, null, null, null);
  }

  static ArchiveItem file(String name, long size, boolean executable, Content content) {
    return new ArchiveItem(name, Kind.FILE, size, executable, null, null, content);
  }

  static ArchiveItem symlink(String name, String target) {
    return new ArchiveItem(name, Kind.SYMLINK, 0, false, target, null, null);
  }

  static ArchiveItem hardlink(String name, String target) {
    return new ArchiveItem(name, Kind.HARDLINK, 0, false, target, null, null);
  }

  static ArchiveItem special(String name, String description) {
    return new ArchiveItem(name, Kind.SPECIAL, 0, false, null, description, null);
  }
}
