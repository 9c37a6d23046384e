package dev.convoy.release;

import static dev.convoy.release.VerificationReason.BAD_SIGNATURE;
import static dev.convoy.release.VerificationReason.DOWNGRADE;
import static dev.convoy.release.VerificationReason.DUPLICATE_ENTRY;
import static dev.convoy.release.VerificationReason.ENTRY_MISMATCH;
import static dev.convoy.release.VerificationReason.HASH_MISMATCH;
import static dev.convoy.release.VerificationReason.LENGTH_MISMATCH;
import static dev.convoy.release.VerificationReason.MALFORMED_CONTAINER;
import static dev.convoy.release.VerificationReason.MALFORMED_DOCUMENT;
import static dev.convoy.release.VerificationReason.MALFORMED_MANIFEST;
import static dev.convoy.release.VerificationReason.MALFORMED_PAYLOAD;
import static dev.convoy.release.VerificationReason.MISSING_ENTRY;
import static dev.convoy.release.VerificationReason.OUT_OF_ORDER;
import static dev.convoy.release.VerificationReason.TOO_LARGE;
import static dev.convoy.release.VerificationReason.TRUNCATED;
import static dev.convoy.release.VerificationReason.UNLISTED_ENTRY;
import static dev.convoy.release.VerificationReason.UNSAFE_ENTRY;
import static dev.convoy.release.VerificationReason.UNSIGNED;
import static dev.convoy.release.VerificationReason.UNTRUSTED_KEY;

import dev.convoy.release.Forge.Built;
import dev.convoy.release.Forge.Entry;
import dev.convoy.release.Forge.Item;
import dev.convoy.release.TamperCorpusTest.Case;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** The hostile and damaged releases of {@link TamperCorpusTest}, each with the reason it must be refused for. */
final class Corpus {
  private static final String MANIFEST = ReleaseFormat.MANIFEST_ENTRY;
  private static final String SIGNATURE = ReleaseFormat.SIGNATURE_ENTRY;
  private static final String RUNBOOK = ReleaseFormat.DOCS_PREFIX + "runbook.md";
  private static final String PAYLOAD = ReleaseFormat.PAYLOAD_PREFIX + "payload.tar.gz";

  private Corpus() {}

  static List<Case> all() {
    List<Case> all = new ArrayList<>();
    all.addAll(signatureCases());
    all.addAll(payloadCases());
    all.addAll(containerCases());
    all.addAll(truncationCases());
    all.addAll(manifestCases());
    all.addAll(versionCases());
    return all;
  }

  private static List<Case> signatureCases() {
    return List.of(
        new Case("one flipped bit in the payload", HASH_MISMATCH, (f, o) -> f.fileEdit = b -> flipAt(b, PAYLOAD, 200)),
        new Case("one flipped bit in the payload's last byte", HASH_MISMATCH,
            (f, o) -> f.fileEdit = b -> flipAt(b, PAYLOAD, b.lengths().get(PAYLOAD) - 1)),
        new Case("one flipped bit in the manifest", BAD_SIGNATURE, (f, o) -> f.fileEdit = b -> flipAt(b, MANIFEST, 40)),
        new Case("one flipped bit in the signature", BAD_SIGNATURE, (f, o) -> f.signatureEdit = s -> {
          byte[] sig = Base64.getDecoder().decode((String) s.get("signature"));
          sig[5] ^= 0x10;
          s.put("signature", Base64.getEncoder().encodeToString(sig));
        }),
        new Case("one flipped bit in a document", HASH_MISMATCH, (f, o) -> f.fileEdit = b -> flipAt(b, RUNBOOK, 3)),
        new Case("unsigned release", UNSIGNED, (f, o) -> f.signer = null),
        new Case("signed by an untrusted key", UNTRUSTED_KEY, (f, o) -> f.signer = Forge.UNTRUSTED),
        new Case("trusted key id on an untrusted key's signature", BAD_SIGNATURE, (f, o) -> {
          f.signer = Forge.UNTRUSTED;
          f.signatureEdit = s -> s.put("key_id", Forge.TRUSTED.id().hex());
        }),
        new Case("signature algorithm other than Ed25519", BAD_SIGNATURE,
            (f, o) -> f.signatureEdit = s -> s.put("algorithm", "RSA")),
        new Case("signature of another manifest", BAD_SIGNATURE, (f, o) -> f.signatureEdit = s -> s.put("signature",
            Base64.getEncoder().encodeToString(Forge.TRUSTED.sign("{}".getBytes(StandardCharsets.UTF_8))))),
        new Case("signature file with an unknown field", BAD_SIGNATURE,
            (f, o) -> f.signatureEdit = s -> s.put("comment", "trust me")));
  }

  private static List<Case> payloadCases() {
    return List.of(
        new Case("file added to the payload, unlisted", UNLISTED_ENTRY,
            (f, o) -> f.archived.add(Item.file("zzz-added", 0644, "surprise"))),
        new Case("file inserted mid-payload, unlisted", UNLISTED_ENTRY,
            (f, o) -> f.archived.add(2, Item.file("bin/evil", 0755, "#!/bin/sh\nrm -rf /\n"))),
        new Case("listed last file missing", MISSING_ENTRY, (f, o) -> f.archived.remove(f.archived.size() - 1)),
        new Case("listed file missing mid-payload", OUT_OF_ORDER, (f, o) -> f.archived.remove(2)),
        new Case("entry with the wrong size", LENGTH_MISMATCH,
            (f, o) -> f.listed.set(5, Item.file("etc/app.conf", 0644, "key=value2\n"))),
        new Case("entry with the wrong hash", HASH_MISMATCH,
            (f, o) -> f.listed.set(5, Item.file("etc/app.conf", 0644, "key=VALUE\n"))),
        new Case("entry with the wrong mode", ENTRY_MISMATCH,
            (f, o) -> f.archived.set(2, Item.file("bin/tool-helper", 0755, "helper\n"))),
        new Case("entry with the wrong type", ENTRY_MISMATCH,
            (f, o) -> f.archived.set(5, Item.symlink("etc/app.conf", "../bin/tool"))),
        new Case("symlink with another target", ENTRY_MISMATCH,
            (f, o) -> f.archived.set(3, Item.symlink("current", "bin/tool-helper"))),
        new Case("duplicate payload entry", DUPLICATE_ENTRY,
            (f, o) -> f.archived.add(3, Item.file("bin/tool-helper", 0644, "helper\n"))),
        new Case("payload entries out of order", OUT_OF_ORDER, (f, o) -> Collections.swap(f.archived, 1, 2)),
        new Case("hard link in the payload", UNSAFE_ENTRY,
            (f, o) -> f.archived.add(1, Item.special("bin/link", 'h', "/etc/passwd"))),
        new Case("fifo in the payload", UNSAFE_ENTRY, (f, o) -> f.archived.add(1, Item.special("bin/fifo", 'p', null))),
        new Case("character device in the payload", UNSAFE_ENTRY,
            (f, o) -> f.archived.add(0, Item.special("dev-null", 'c', null))),
        new Case("'..' traversal in the payload", UNLISTED_ENTRY,
            (f, o) -> f.archived.add(0, Item.file("../outside/evil.txt", 0644, "evil"))),
        new Case("absolute path in the payload", UNLISTED_ENTRY,
            (f, o) -> f.archived.add(0, Item.file(o.resolve("evil.txt").toString(), 0644, "evil"))),
        new Case("symlink escaping the root, listed", MALFORMED_MANIFEST, (f, o) -> {
          f.listed.set(3, Item.symlink("current", "../outside"));
          f.archived.set(3, Item.symlink("current", "../outside"));
        }),
        new Case("write through a listed symlink", MALFORMED_MANIFEST, (f, o) -> {
          f.listed.add(4, Item.file("current/evil", 0644, "x"));
          f.archived.add(4, Item.file("current/evil", 0644, "x"));
        }),
        new Case("symlink chain through a symlink", MALFORMED_MANIFEST, (f, o) -> {
          f.listed.set(3, Item.symlink("current", "bin"));
          f.listed.add(4, Item.symlink("d", "current/tool"));
        }),
        new Case("bytes after the gzip stream", MALFORMED_PAYLOAD, (f, o) -> f.blobEdit = b -> concat(b, "junk")),
        new Case("payload that is not gzip", MALFORMED_PAYLOAD,
            (f, o) -> f.blobEdit = b -> "not a gzip stream at all".getBytes(StandardCharsets.UTF_8)),
        new Case("payload whose tar ends inside a file, inside valid gzip", MALFORMED_PAYLOAD,
            (f, o) -> f.blobEdit = b -> gzip(Arrays.copyOf(tar(f), 1030))),
        new Case("payload whose tar ends inside a header, inside valid gzip", MALFORMED_PAYLOAD,
            (f, o) -> f.blobEdit = b -> gzip(Arrays.copyOf(tar(f), 700))),
        new Case("pax header larger than 64 KiB", MALFORMED_PAYLOAD,
            (f, o) -> f.archived.add(0, Item.file("x".repeat(70_000), 0644, "long"))),
        new Case("global pax header", MALFORMED_PAYLOAD,
            (f, o) -> f.archived.add(0, Item.special("pax_global_header", 'g', "../escape/x"))),
        new Case("gzip file name longer than 1 KiB", MALFORMED_PAYLOAD,
            (f, o) -> f.blobEdit = b -> gzipNamed(tar(f), "n".repeat(2000))),
        new Case("single-file payload with a flipped bit", HASH_MISMATCH, (f, o) -> {
          f.singleFile = "!<arch>\ndebian-binary   ".getBytes(StandardCharsets.US_ASCII);
          f.fileEdit = b -> flipAt(b, f.payloadEntry(), 2);
        }));
  }

  private static List<Case> containerCases() {
    return List.of(
        new Case("extra container entry", UNLISTED_ENTRY,
            (f, o) -> f.containerEdit = c -> c.add(new Entry("convoy-release/extra.sh", new byte[] {1}))),
        new Case("duplicate container entry", DUPLICATE_ENTRY,
            (f, o) -> f.containerEdit = c -> c.add(c.get(c.size() - 1))),
        new Case("signature before manifest", OUT_OF_ORDER, (f, o) -> f.containerEdit = c -> Collections.swap(c, 0, 1)),
        new Case("payload before the documents", OUT_OF_ORDER,
            (f, o) -> f.containerEdit = c -> c.add(2, c.remove(c.size() - 1))),
        new Case("listed document missing", OUT_OF_ORDER, (f, o) -> f.containerEdit = c -> c.remove(2)),
        new Case("payload missing", MISSING_ENTRY, (f, o) -> f.containerEdit = c -> c.remove(c.size() - 1)),
        new Case("document with the wrong length", LENGTH_MISMATCH,
            (f, o) -> f.treeEdit = t -> child(documents(t), "runbook").put("length", 5L)),
        // Documents are signed like the payload (issue 5, must-hold 4): one the manifest does not list is refused,
        // and so is a manifest whose document hash was changed and re-signed while the document stayed.
        new Case("document added that the manifest does not list", UNLISTED_ENTRY,
            (f, o) -> f.containerEdit = c -> c.add(c.size() - 1, new Entry(ReleaseFormat.DOCS_PREFIX + "zz-added.md",
                "# read me\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))),
        new Case("manifest lists another hash for a document", HASH_MISMATCH,
            (f, o) -> f.treeEdit = t -> child(documents(t), "runbook").put("sha256", "0".repeat(64))),
        new Case("document that is not UTF-8", MALFORMED_DOCUMENT,
            (f, o) -> f.documents.put("runbook.md", new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28})),
        new Case("payload length differs from the manifest", LENGTH_MISMATCH,
            (f, o) -> f.treeEdit = t -> payload(t).put("length", (Long) payload(t).get("length") + 1)),
        new Case("manifest larger than 16 MiB", TOO_LARGE, (f, o) -> f.containerEdit = c -> c.set(0,
            new Entry(MANIFEST, new byte[ReleaseFormat.MAX_MANIFEST_BYTES + 1]))),
        new Case("trailing garbage after the container", MALFORMED_CONTAINER,
            (f, o) -> f.fileEdit = b -> concat(b.bytes(), "garbage")),
        new Case("container header checksum broken", MALFORMED_CONTAINER,
            (f, o) -> f.fileEdit = b -> flip(b.bytes(), b.offsets().get(RUNBOOK) - 512 + 3)),
        new Case("GNU tar magic instead of POSIX ustar", MALFORMED_CONTAINER,
            (f, o) -> f.fileEdit = b -> rewriteHeader(b.bytes(), 0, h -> System.arraycopy(
                "ustar  \0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8))),
        new Case("directory entry in the container", UNLISTED_ENTRY,
            (f, o) -> f.fileEdit = b -> rewriteHeader(b.bytes(), b.offsets().get(RUNBOOK) - 512, h -> h[156] = '5')),
        new Case("name hidden in the ustar prefix field", MALFORMED_CONTAINER,
            (f, o) -> f.fileEdit = b -> rewriteHeader(b.bytes(), 0, h -> h[345] = 'x')),
        new Case("non-zero padding after an entry", MALFORMED_CONTAINER, (f, o) -> f.fileEdit = b -> flip(b.bytes(),
            b.offsets().get(MANIFEST) + b.lengths().get(MANIFEST))));
  }

  private static List<Case> truncationCases() {
    return List.of(
        truncated("empty file", b -> 0),
        truncated("inside the first header", b -> 100),
        truncated("inside the manifest", b -> b.offsets().get(MANIFEST) + 50),
        truncated("inside the signature", b -> b.offsets().get(SIGNATURE) + 10),
        truncated("inside a document", b -> b.offsets().get(RUNBOOK) + 5),
        truncated("inside the payload", b -> b.offsets().get(PAYLOAD) + 5000),
        truncated("inside the payload's last block", b -> b.offsets().get(PAYLOAD) + b.lengths().get(PAYLOAD) - 3),
        truncated("before the end-of-archive marker", b -> b.bytes().length - 1024),
        truncated("inside the end-of-archive marker", b -> b.bytes().length - 512));
  }

  private static List<Case> manifestCases() {
    return List.of(
        manifest("not JSON at all", (f, o) -> f.manifestEdit = b -> "manifest".getBytes(StandardCharsets.UTF_8)),
        manifest("wrong type: length as a string",
            (f, o) -> f.treeEdit = t -> payload(t).put("length", String.valueOf(payload(t).get("length")))),
        manifest("wrong type: downgrade as a number", (f, o) -> f.treeEdit = t -> t.put("downgrade", 0L)),
        manifest("missing field: name", (f, o) -> f.treeEdit = t -> t.remove("name")),
        manifest("unknown field", (f, o) -> f.treeEdit = t -> t.put("run_as_root", true)),
        manifest("non-canonical: whitespace", (f, o) -> f.manifestEdit = b -> concat(" ".getBytes(), new String(b,
            StandardCharsets.UTF_8))),
        manifest("non-canonical: keys out of order", (f, o) -> f.manifestEdit = b -> new String(b,
            StandardCharsets.UTF_8).replaceFirst("^\\{\"conflicts\":\\[\\],", "{").replaceFirst("}$",
            ",\"conflicts\":[]}").getBytes(StandardCharsets.UTF_8)),
        manifest("non-canonical: escaped slash", (f, o) -> f.manifestEdit = b -> new String(b, StandardCharsets.UTF_8)
            .replace("bin/tool\"", "bin\\/tool\"").getBytes(StandardCharsets.UTF_8)),
        manifest("trailing garbage after the JSON", (f, o) -> f.manifestEdit = b -> concat(b, "{}")),
        manifest("huge number", (f, o) -> f.manifestEdit = b -> new String(b, StandardCharsets.UTF_8)
            .replace("\"unpacked_size\":", "\"unpacked_size\":99999999999999999999").getBytes(StandardCharsets.UTF_8)),
        manifest("fractional number", (f, o) -> f.manifestEdit = b -> new String(b, StandardCharsets.UTF_8)
            .replace("\"format_version\":1", "\"format_version\":1.0").getBytes(StandardCharsets.UTF_8)),
        manifest("null value", (f, o) -> f.manifestEdit = b -> new String(b, StandardCharsets.UTF_8)
            .replace("\"downgrade\":false", "\"downgrade\":null").getBytes(StandardCharsets.UTF_8)),
        manifest("duplicate key", (f, o) -> f.manifestEdit = b -> new String(b, StandardCharsets.UTF_8)
            .replace("\"downgrade\":false", "\"downgrade\":false,\"downgrade\":true").getBytes(StandardCharsets.UTF_8)),
        manifest("invalid UTF-8", (f, o) -> f.manifestEdit = b -> new String(b, StandardCharsets.UTF_8)
            .replace("forged-app", "forged-\u00e9pp").getBytes(StandardCharsets.ISO_8859_1)),
        manifest("bad semver", (f, o) -> f.version = "1.2"),
        manifest("semver with a leading zero", (f, o) -> f.version = "01.2.3"),
        manifest("format version 2", (f, o) -> f.treeEdit = t -> t.put("format_version", 2L)),
        manifest("bad path: '..'", (f, o) -> f.treeEdit = t -> entry(t, 7).put("path", "../zz-last.txt")),
        manifest("bad path: absolute", (f, o) -> f.treeEdit = t -> entry(t, 7).put("path", "/zz-last.txt")),
        manifest("bad path: backslash", (f, o) -> f.treeEdit = t -> entry(t, 7).put("path", "zz\\last.txt")),
        manifest("bad path: control character", (f, o) -> f.treeEdit = t -> entry(t, 7).put("path", "zz\nlast")),
        manifest("bad path: too long", (f, o) -> f.treeEdit = t -> entry(t, 7).put("path", "z".repeat(1100))),
        manifest("entries not sorted", (f, o) -> f.treeEdit = t -> Collections.swap(entries(t), 6, 7)),
        manifest("file mode 0777", (f, o) -> f.treeEdit = t -> entry(t, 7).put("mode", "0777")),
        manifest("uppercase sha256", (f, o) -> f.treeEdit = t -> {
          Map<String, Object> last = entry(t, 7);
          last.put("sha256", ((String) last.get("sha256")).toUpperCase());
        }),
        manifest("unknown entry type", (f, o) -> f.treeEdit = t -> entry(t, 7).put("type", "hardlink")),
        manifest("unpacked_size not the sum of the files", (f, o) -> f.treeEdit = t -> t.put("unpacked_size", 1L)),
        manifest("negative length", (f, o) -> f.treeEdit = t -> entry(t, 7).put("length", -1L)),
        manifest("bad version range", (f, o) -> f.treeEdit = t -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> dependency = (Map<String, Object>) ((List<Object>) t.get("dependencies")).get(0);
          dependency.put("versions", ">= 2.0.0");
        }),
        manifest("document name with a path",
            (f, o) -> f.treeEdit = t -> child(documents(t), "runbook").put("name", "../runbook.md")),
        new Case("more than 100,000 payload entries", TOO_LARGE, (f, o) -> f.treeEdit = t -> {
          List<Object> many = new ArrayList<>();
          for (int i = 0; i <= ReleaseFormat.MAX_PAYLOAD_ENTRIES; i++) {
            many.add(Map.of("path", String.format("d%06d", i), "type", "dir", "mode", "0755"));
          }
          payload(t).put("entries", many);
        }));
  }

  private static List<Case> versionCases() {
    SemanticVersion installed = SemanticVersion.parse("2.0.0");
    return List.of(
        new Case("older version replayed", DOWNGRADE, (f, o) -> f.version = "1.0.0",
            VersionPolicy.gate(installed, false)),
        new Case("older version replayed into a downgrade campaign", DOWNGRADE, (f, o) -> f.version = "1.0.0",
            VersionPolicy.gate(installed, true)),
        new Case("signed downgrade outside a downgrade campaign", DOWNGRADE, (f, o) -> {
          f.version = "1.0.0";
          f.downgrade = true;
        }, VersionPolicy.gate(installed, false)),
        new Case("pre-release of the installed version", DOWNGRADE, (f, o) -> f.version = "2.0.0-rc.1",
            VersionPolicy.gate(installed, false)));
  }

  // ---- helpers used by the cases ------------------------------------------------------------------------------

  static Case truncated(String where, ToLongFunction<Built> at) {
    return new Case("truncated " + where, TRUNCATED,
        (f, o) -> f.fileEdit = b -> Arrays.copyOf(b.bytes(), (int) at.applyAsLong(b)));
  }

  static Case manifest(String name, java.util.function.BiConsumer<Forge, java.nio.file.Path> setup) {
    return new Case("malformed manifest: " + name, MALFORMED_MANIFEST, setup);
  }

  static byte[] flip(byte[] bytes, long at) {
    byte[] copy = bytes.clone();
    copy[(int) at] ^= 0x04;
    return copy;
  }

  static byte[] flipAt(Built built, String entry, long offsetInEntry) {
    return flip(built.bytes(), built.offsets().get(entry) + offsetInEntry);
  }

  static byte[] concat(byte[] bytes, String extra) {
    byte[] tail = extra.getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(bytes, bytes.length + tail.length);
    System.arraycopy(tail, 0, out, bytes.length, tail.length);
    return out;
  }

  /** Edits the 512-byte header at {@code offset} and recomputes its checksum, so only the edit is wrong. */
  static byte[] rewriteHeader(byte[] bytes, long offset, java.util.function.Consumer<byte[]> edit) {
    byte[] copy = bytes.clone();
    byte[] header = Arrays.copyOfRange(copy, (int) offset, (int) offset + 512);
    edit.accept(header);
    Arrays.fill(header, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    byte[] digits = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(digits, 0, header, 148, 6);
    header[154] = 0;
    System.arraycopy(header, 0, copy, (int) offset, 512);
    return copy;
  }

  private static byte[] tar(Forge f) {
    byte[] gz = Forge.tarGz(f.archived);
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] gzip(byte[] raw) {
    var out = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(raw);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> payload(Map<String, Object> tree) {
    return (Map<String, Object>) tree.get("payload");
  }

  private static byte[] gzipNamed(byte[] raw, String fileName) {
    var out = new java.io.ByteArrayOutputStream();
    var parameters = new org.apache.commons.compress.compressors.gzip.GzipParameters();
    parameters.setFileName(fileName);
    try (var gz = new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(out, parameters)) {
      gz.write(raw);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> child(Map<String, Object> tree, String key) {
    return (Map<String, Object>) tree.get(key);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> documents(Map<String, Object> tree) {
    return (Map<String, Object>) tree.get("documents");
  }

  @SuppressWarnings("unchecked")
  static List<Object> entries(Map<String, Object> tree) {
    return (List<Object>) payload(tree).get("entries");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> entry(Map<String, Object> tree, int index) {
    Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) entries(tree).get(index));
    entries(tree).set(index, copy);
    return copy;
  }
}
