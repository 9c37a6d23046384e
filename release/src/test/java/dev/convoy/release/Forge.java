package dev.convoy.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Generates release files in test code, honest by default, with a hook at every layer to forge a hostile one:
 * the payload items archived and the ones the manifest lists, the blob, the manifest tree and its bytes, the
 * signature, the container entries, and finally the raw file bytes. The manifest is built here as a plain JSON
 * tree, independently of the production encoder, so the decoder is tested against what others could write.
 */
final class Forge {
  static final PublisherKeyPair TRUSTED = PublisherKeys.generate();
  static final PublisherKeyPair UNTRUSTED = PublisherKeys.generate();

  /** One payload archive item; kind: f file, d dir, l symlink, h hard link, p fifo, c char device. */
  record Item(String name, char kind, int mode, byte[] content, String target) {
    static Item file(String name, int mode, String content) {
      return new Item(name, 'f', mode, content.getBytes(StandardCharsets.UTF_8), null);
    }

    static Item file(String name, int mode, byte[] content) {
      return new Item(name, 'f', mode, content, null);
    }

    static Item dir(String name) {
      return new Item(name, 'd', 0755, new byte[0], null);
    }

    static Item symlink(String name, String target) {
      return new Item(name, 'l', 0, new byte[0], target);
    }

    static Item special(String name, char kind, String target) {
      return new Item(name, kind, 0644, new byte[0], target);
    }
  }

  /** A container entry before writing. */
  record Entry(String name, byte[] content) {}

  /** The file, where each container entry's content starts, and each entry's length. */
  record Built(byte[] bytes, Map<String, Long> offsets, Map<String, Long> lengths) {}

  List<Item> archived = honestItems();
  List<Item> listed = honestItems();
  Map<String, byte[]> documents = new LinkedHashMap<>(Map.of(
      "release-notes.md", "# Notes\n\nFixed things.\n".getBytes(StandardCharsets.UTF_8),
      "runbook.md", "# Runbook\n\n1. Install.\n".getBytes(StandardCharsets.UTF_8)));
  String version = "1.2.3";
  boolean downgrade;
  UnaryOperator<byte[]> blobEdit = b -> b;
  Consumer<Map<String, Object>> treeEdit = t -> { };
  UnaryOperator<byte[]> manifestEdit = b -> b;
  PublisherKeyPair signer = TRUSTED;
  Consumer<Map<String, Object>> signatureEdit = s -> { };
  Consumer<List<Entry>> containerEdit = c -> { };
  FileEdit fileEdit = built -> built.bytes();
  /** When set, the payload is this single file (format "file", named payload.deb) instead of the archive. */
  byte[] singleFile;

  @FunctionalInterface
  interface FileEdit {
    byte[] edit(Built built);
  }

  static TrustedKeys trusted() {
    return TrustedKeys.of(TRUSTED.publicKey());
  }

  static List<Item> honestItems() {
    byte[] library = new byte[40_000];
    new Random(7).nextBytes(library);
    return new ArrayList<>(List.of(
        Item.dir("bin"),
        Item.file("bin/tool", 0755, "#!/bin/sh\necho tool\n"),
        Item.file("bin/tool-helper", 0644, "helper\n"),
        Item.symlink("current", "bin/tool"),
        Item.dir("etc"),
        Item.file("etc/app.conf", 0644, "key=value\n"),
        Item.file("lib.so", 0644, library),
        Item.file("zz-last.txt", 0644, "last\n")));
  }

  Built build() {
    byte[] blob = blobEdit.apply(singleFile != null ? singleFile : tarGz(archived));
    Map<String, Object> tree = manifestTree(blob);
    treeEdit.accept(tree);
    byte[] manifest = manifestEdit.apply(CanonicalJson.write(tree));
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry(ReleaseFormat.MANIFEST_ENTRY, manifest));
    if (signer != null) {
      entries.add(new Entry(ReleaseFormat.SIGNATURE_ENTRY, signature(manifest)));
    }
    documents.keySet().stream().sorted().forEach(n -> entries.add(new Entry(ReleaseFormat.DOCS_PREFIX + n,
        documents.get(n))));
    entries.add(new Entry(ReleaseFormat.PAYLOAD_PREFIX + payloadName(), blob));
    containerEdit.accept(entries);
    return write(entries);
  }

  byte[] bytes() {
    return fileEdit.edit(build());
  }

  String payloadName() {
    return singleFile != null ? "payload.deb" : "payload.tar.gz";
  }

  String payloadEntry() {
    return ReleaseFormat.PAYLOAD_PREFIX + payloadName();
  }

  private byte[] signature(byte[] manifest) {
    Map<String, Object> sig = new LinkedHashMap<>();
    sig.put("algorithm", "Ed25519");
    sig.put("key_id", signer.id().hex());
    sig.put("signature", java.util.Base64.getEncoder().encodeToString(signer.sign(manifest)));
    signatureEdit.accept(sig);
    return CanonicalJson.write(sig);
  }

  private static Built write(List<Entry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, Long> offsets = new LinkedHashMap<>();
    Map<String, Long> lengths = new LinkedHashMap<>();
    try {
      ContainerWriter writer = new ContainerWriter(out);
      for (Entry e : entries) {
        offsets.putIfAbsent(e.name(), (long) out.size() + TarHeader.BLOCK);
        lengths.putIfAbsent(e.name(), (long) e.content().length);
        writer.add(e.name(), e.content());
      }
      writer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Built(out.toByteArray(), offsets, lengths);
  }

  Map<String, Object> manifestTree(byte[] blob) {
    List<Object> entries = new ArrayList<>();
    long unpacked = 0;
    for (Item item : listed) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("path", item.name());
      switch (item.kind()) {
        case 'f' -> {
          e.put("type", "file");
          e.put("mode", String.format("%04o", item.mode()));
          e.put("length", (long) item.content().length);
          e.put("sha256", Sha256.hex(item.content()));
          unpacked += item.content().length;
        }
        case 'd' -> {
          e.put("type", "dir");
          e.put("mode", String.format("%04o", item.mode()));
        }
        case 'l' -> {
          e.put("type", "symlink");
          e.put("target", item.target());
        }
        default -> throw new IllegalArgumentException("cannot list kind " + item.kind());
      }
      entries.add(e);
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("name", payloadName());
    payload.put("format", singleFile != null ? "file" : "tar.gz");
    payload.put("length", (long) blob.length);
    payload.put("sha256", Sha256.hex(blob));
    payload.put("entries", singleFile != null ? new ArrayList<>() : entries);
    if (singleFile != null) {
      unpacked = blob.length;
    }
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("format_version", 1L);
    tree.put("name", "forged-app");
    tree.put("version", version);
    tree.put("installer", new LinkedHashMap<>(Map.of("type", "archive", "parameters", new LinkedHashMap<>())));
    tree.put("payload", payload);
    tree.put("unpacked_size", unpacked);
    tree.put("dependencies", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("name", "libc", "versions",
        ">=2.0.0")))));
    tree.put("conflicts", new ArrayList<>());
    tree.put("supersedes", new ArrayList<>());
    tree.put("os_requirements", new LinkedHashMap<>(Map.of("os.family", "debian")));
    tree.put("downgrade", downgrade);
    tree.put("documents", documentsTree());
    return tree;
  }

  private Map<String, Object> documentsTree() {
    Map<String, Object> docs = new LinkedHashMap<>();
    docs.put("kb_articles", new ArrayList<>());
    if (documents.containsKey("release-notes.md")) {
      docs.put("release_notes", ref("release-notes.md"));
    }
    if (documents.containsKey("runbook.md")) {
      docs.put("runbook", ref("runbook.md"));
    }
    return docs;
  }

  private Map<String, Object> ref(String name) {
    byte[] content = documents.get(name);
    return new LinkedHashMap<>(Map.of("name", name, "length", (long) content.length, "sha256", Sha256.hex(content)));
  }

  /** A tar.gz with whatever the items say, hostile ones included (commons-compress, POSIX long names). */
  static byte[] tarGz(List<Item> items) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes), "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Item item : items) {
        TarArchiveEntry entry = entry(item);
        if (item.kind() == 'g') { // commons-compress writes a global header's content and closes it itself
          entry.addPaxHeader("path", item.target());
          tar.putArchiveEntry(entry);
          continue;
        }
        tar.putArchiveEntry(entry);
        if (item.kind() == 'f') {
          tar.write(item.content());
        }
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static TarArchiveEntry entry(Item item) {
    TarArchiveEntry entry = switch (item.kind()) {
      case 'd' -> new TarArchiveEntry(item.name() + "/", TarConstants.LF_DIR);
      case 'l' -> new TarArchiveEntry(item.name(), TarConstants.LF_SYMLINK);
      case 'h' -> new TarArchiveEntry(item.name(), TarConstants.LF_LINK);
      case 'p' -> new TarArchiveEntry(item.name(), TarConstants.LF_FIFO);
      case 'c' -> new TarArchiveEntry(item.name(), TarConstants.LF_CHR);
      case 'g' -> new TarArchiveEntry(item.name(), TarConstants.LF_PAX_GLOBAL_EXTENDED_HEADER);
      default -> new TarArchiveEntry(item.name(), true);
    };
    if (item.target() != null && item.kind() != 'g') {
      entry.setLinkName(item.target());
    }
    entry.setMode(item.mode());
    if (item.kind() == 'f') {
      entry.setSize(item.content().length);
    }
    return entry;
  }

  /** A seeded random source, for reproducible fixture keys where a test needs two identical builds. */
  static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
