package dev.convoy.installers.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Builds tar, tar.gz and zip archives in tests, hostile ones included: names are written exactly as given
 * (absolute paths kept), and content can be a stream of zeros of any length without holding it in memory.
 */
public final class ArchiveBuilder {
  private final ArchiveFormat format;
  private final List<Entry> entries = new ArrayList<>();

  private record Entry(String name, Type type, byte[] content, long zeros, int mode, String link) {}

  private enum Type { FILE, DIR, SYMLINK, HARDLINK, CHAR_DEVICE, BLOCK_DEVICE, FIFO }

  private ArchiveBuilder(ArchiveFormat format) {
    this.format = format;
  }

  public static ArchiveBuilder of(ArchiveFormat format) {
    return new ArchiveBuilder(format);
  }

  public static ArchiveBuilder tarGz() {
    return of(ArchiveFormat.TAR_GZ);
  }

  public static ArchiveBuilder zip() {
    return of(ArchiveFormat.ZIP);
  }

  public ArchiveBuilder file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
  }

  public ArchiveBuilder executable(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8), 0750);
  }

  public ArchiveBuilder file(String name, byte[] content, int mode) {
    entries.add(new Entry(name, Type.FILE, content, 0, mode, null));
    return this;
  }

  /** A file of {@code size} zero bytes, streamed: compresses about 1000:1. */
  public ArchiveBuilder zeros(String name, long size) {
    entries.add(new Entry(name, Type.FILE, null, size, 0644, null));
    return this;
  }

  public ArchiveBuilder dir(String name) {
    entries.add(new Entry(name, Type.DIR, null, 0, 0755, null));
    return this;
  }

  public ArchiveBuilder symlink(String name, String target) {
    entries.add(new Entry(name, Type.SYMLINK, null, 0, 0777, target));
    return this;
  }

  public ArchiveBuilder hardlink(String name, String target) {
    entries.add(new Entry(name, Type.HARDLINK, null, 0, 0644, target));
    return this;
  }

  public ArchiveBuilder charDevice(String name) {
    entries.add(new Entry(name, Type.CHAR_DEVICE, null, 0, 0644, null));
    return this;
  }

  public ArchiveBuilder blockDevice(String name) {
    entries.add(new Entry(name, Type.BLOCK_DEVICE, null, 0, 0644, null));
    return this;
  }

  public ArchiveBuilder fifo(String name) {
    entries.add(new Entry(name, Type.FIFO, null, 0, 0644, null));
    return this;
  }

  public Path write(Path archive) {
    try (OutputStream out = Files.newOutputStream(archive)) {
      switch (format) {
        case TAR_GZ -> writeTar(new GzipCompressorOutputStream(out));
        case TAR -> writeTar(out);
        case ZIP -> writeZip(out);
      }
      return archive;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] bytes(Path scratch) {
    try {
      return Files.readAllBytes(write(scratch));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeTar(OutputStream out) throws IOException {
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Entry e : entries) {
        TarArchiveEntry entry = new TarArchiveEntry(e.name(), tarFlag(e.type()), true);
        entry.setMode(e.mode());
        if (e.link() != null) {
          entry.setLinkName(e.link());
        }
        if (e.type() == Type.FILE) {
          entry.setSize(e.content() != null ? e.content().length : e.zeros());
        }
        tar.putArchiveEntry(entry);
        writeContent(tar, e);
        tar.closeArchiveEntry();
      }
    }
  }

  private static byte tarFlag(Type type) {
    return switch (type) {
      case FILE -> TarConstants.LF_NORMAL;
      case DIR -> TarConstants.LF_DIR;
      case SYMLINK -> TarConstants.LF_SYMLINK;
      case HARDLINK -> TarConstants.LF_LINK;
      case CHAR_DEVICE -> TarConstants.LF_CHR;
      case BLOCK_DEVICE -> TarConstants.LF_BLK;
      case FIFO -> TarConstants.LF_FIFO;
    };
  }

  private void writeZip(OutputStream out) throws IOException {
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      for (Entry e : entries) {
        ZipArchiveEntry entry = new ZipArchiveEntry(e.name());
        entry.setUnixMode(switch (e.type()) {
          case FILE -> UnixStat.FILE_FLAG | e.mode();
          case DIR -> UnixStat.DIR_FLAG | e.mode();
          case SYMLINK -> UnixStat.LINK_FLAG | e.mode();
          case FIFO -> 0010000 | e.mode();
          case CHAR_DEVICE -> 0020000 | e.mode();
          case BLOCK_DEVICE -> 0060000 | e.mode();
          case HARDLINK -> throw new IllegalArgumentException("zip has no hard links");
        });
        zip.putArchiveEntry(entry);
        if (e.type() == Type.SYMLINK) {
          zip.write(e.link().getBytes(StandardCharsets.UTF_8));
        }
        writeContent(zip, e);
        zip.closeArchiveEntry();
      }
    }
  }

  private static void writeContent(OutputStream out, Entry e) throws IOException {
    if (e.content() != null) {
      out.write(e.content());
    }
    byte[] zeros = new byte[64 * 1024];
    for (long left = e.zeros(); left > 0; left -= zeros.length) {
      out.write(zeros, 0, (int) Math.min(left, zeros.length));
    }
  }

  /** Replaces the first occurrence of {@code from} in {@code bytes} with {@code to} (same length). */
  public static byte[] patchFirst(byte[] bytes, String from, String to) {
    return patch(bytes, from, to, false);
  }

  /** Replaces every occurrence of {@code from} in {@code bytes} with {@code to} (same length). */
  public static byte[] patchAll(byte[] bytes, String from, String to) {
    return patch(bytes, from, to, true);
  }

  private static byte[] patch(byte[] bytes, String from, String to, boolean all) {
    byte[] f = from.getBytes(StandardCharsets.ISO_8859_1);
    byte[] t = to.getBytes(StandardCharsets.ISO_8859_1);
    if (f.length != t.length) {
      throw new IllegalArgumentException("patch must keep the length");
    }
    byte[] out = bytes.clone();
    boolean found = false;
    for (int i = 0; i + f.length <= out.length; i++) {
      if (Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
        System.arraycopy(t, 0, out, i, t.length);
        found = true;
        if (!all) {
          break;
        }
      }
    }
    if (!found) {
      throw new IllegalArgumentException("not found: " + from);
    }
    return out;
  }
}
