package dev.convoy.installers.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The record of what was extracted into a version directory ({@value #NAME} inside it), written at stage and
 * checked at verify. One entry per line, tab-separated (tabs and newlines cannot occur in accepted names):
 * {@code file<TAB>size<TAB>sha256<TAB>x|-<TAB>path}, {@code dir<TAB>path}, {@code link<TAB>path<TAB>target}.
 * Stateless and thread-safe.
 */
final class FileManifest {
  static final String NAME = ".convoy-files";
  private static final String HEADER = "# convoy-files 1";

  private FileManifest() {}

  /** Writes the manifest into {@code dir}, which must not have one yet, and makes it durable. */
  static void write(Path dir, List<FileRecord> records) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (FileRecord r : records) {
      text.append(switch (r.type()) {
        case FILE -> "file\t" + r.size() + "\t" + r.sha256() + "\t" + (r.executable() ? "x" : "-") + "\t" + r.path();
        case DIRECTORY -> "dir\t" + r.path();
        case SYMLINK -> "link\t" + r.path() + "\t" + r.linkTarget();
      }).append('\n');
    }
    try (FileChannel channel = FileChannel.open(dir.resolve(NAME), StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    FileTrees.setMode(dir.resolve(NAME), FileTrees.FILE_MODE);
  }

  /** @throws IOException when the manifest is missing or malformed */
  static List<FileRecord> read(Path dir) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve(NAME), StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(dir.resolve(NAME) + ": no '" + HEADER + "' header");
    }
    List<FileRecord> records = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", -1);
      try {
        records.add(switch (f[0]) {
          case "file" -> FileRecord.file(f[4], Long.parseLong(f[1]), f[2], f[3].equals("x"));
          case "dir" -> FileRecord.directory(f[1]);
          case "link" -> FileRecord.symlink(f[1], f[2]);
          default -> throw new IOException("unknown kind '" + f[0] + "'");
        });
      } catch (IOException | RuntimeException e) {
        throw new IOException(dir.resolve(NAME) + " line " + (i + 1) + ": malformed (" + e.getMessage() + ")", e);
      }
    }
    return records;
  }

  /**
   * What differs between {@code dir} and the records (type, size, SHA-256, mode, link target); empty when everything
   * matches. Links are never followed.
   */
  static List<String> check(Path dir, List<FileRecord> records) throws IOException {
    List<String> problems = new ArrayList<>();
    for (FileRecord r : records) {
      Path path = dir.resolve(r.path());
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        problems.add(r.path() + ": missing");
        continue;
      }
      String problem = switch (r.type()) {
        case DIRECTORY -> attributes.isDirectory() ? null : "not a directory";
        case SYMLINK -> !attributes.isSymbolicLink() ? "not a symlink"
            : Files.readSymbolicLink(path).toString().equals(r.linkTarget()) ? null
            : "symlink to '" + Files.readSymbolicLink(path) + "' (expected: '" + r.linkTarget() + "')";
        case FILE -> checkFile(path, attributes, r);
      };
      if (problem != null) {
        problems.add(r.path() + ": " + problem);
      }
    }
    return problems;
  }

  private static String checkFile(Path path, BasicFileAttributes attributes, FileRecord r) throws IOException {
    if (!attributes.isRegularFile()) {
      return "not a regular file";
    }
    if (attributes.size() != r.size()) {
      return attributes.size() + " bytes (expected: " + r.size() + ")";
    }
    String sha256 = sha256(path);
    if (!sha256.equals(r.sha256())) {
      return "sha256 " + sha256 + " (expected: " + r.sha256() + ")";
    }
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
      Set<PosixFilePermission> expected = r.executable() ? FileTrees.EXECUTABLE_MODE : FileTrees.FILE_MODE;
      if (!mode.equals(expected)) {
        return "mode " + PosixFilePermissions.toString(mode) + " (expected: "
            + PosixFilePermissions.toString(expected) + ")";
      }
    }
    return null;
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
