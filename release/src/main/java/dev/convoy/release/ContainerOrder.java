package dev.convoy.release;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry sequence a container must follow: manifest.json, manifest.sig, the listed documents by name, the
 * payload, the end. Names each departure precisely: a missing signature is UNSIGNED, a name seen before is
 * DUPLICATE_ENTRY, one due later is OUT_OF_ORDER, anything else UNLISTED_ENTRY. Not thread-safe.
 */
final class ContainerOrder {
  private final ContainerReader container;
  private final List<String> names = new ArrayList<>(List.of(ReleaseFormat.MANIFEST_ENTRY,
      ReleaseFormat.SIGNATURE_ENTRY));

  ContainerOrder(ContainerReader container) {
    this.container = container;
  }

  /** Once the manifest is authentic: the documents and the payload it lists follow the signature. */
  void expectRest(ReleaseManifest manifest) {
    manifest.documents().files().forEach(d -> names.add(d.entryName()));
    names.add(ReleaseFormat.PAYLOAD_PREFIX + manifest.payload().name());
  }

  /** The first entry, which must be the manifest. */
  ContainerReader.Entry manifest() throws IOException {
    ContainerReader.Entry entry = container.next();
    if (entry == null) {
      throw refuse(VerificationReason.MISSING_ENTRY, "container: no entries (expected: " + ReleaseFormat.MANIFEST_ENTRY
          + " first)");
    }
    if (!isAt(entry, 0) && isFormatName(entry.name())) {
      throw refuse(VerificationReason.OUT_OF_ORDER, "container entry " + Text.quoted(entry.name())
          + ": comes first (expected: " + ReleaseFormat.MANIFEST_ENTRY + " first)");
    }
    return check(entry, 0);
  }

  /** The second entry, which must be the signature. */
  ContainerReader.Entry signature() throws IOException {
    ContainerReader.Entry entry = container.next();
    if (entry == null || entry.name().startsWith(ReleaseFormat.DOCS_PREFIX)
        || entry.name().startsWith(ReleaseFormat.PAYLOAD_PREFIX)) {
      throw refuse(VerificationReason.UNSIGNED, "container: no " + ReleaseFormat.SIGNATURE_ENTRY + " after the"
          + " manifest (expected: a release signed by a trusted publisher key)");
    }
    return check(entry, 1);
  }

  /** The entry at {@code position} (2 and up: documents, then the payload). */
  ContainerReader.Entry expect(int position) throws IOException {
    ContainerReader.Entry entry = container.next();
    if (entry == null) {
      throw refuse(VerificationReason.MISSING_ENTRY, "container: " + Text.quoted(names.get(position))
          + " is missing (expected: the entries the manifest lists, in order)");
    }
    return check(entry, position);
  }

  /** The payload entry: the last one. */
  ContainerReader.Entry payload() throws IOException {
    return expect(names.size() - 1);
  }

  /** Nothing after the payload but the end-of-archive marker and zero padding. */
  void expectEnd() throws IOException {
    ContainerReader.Entry extra = container.next();
    if (extra != null) {
      throw unexpected(extra, names.size());
    }
    container.finish();
  }

  private ContainerReader.Entry check(ContainerReader.Entry entry, int position) {
    if (!isAt(entry, position)) {
      throw unexpected(entry, position);
    }
    return entry;
  }

  private boolean isAt(ContainerReader.Entry entry, int position) {
    return entry.name().equals(names.get(position)) && entry.type() == TarHeader.TYPE_REGULAR;
  }

  private static boolean isFormatName(String name) {
    return name.equals(ReleaseFormat.SIGNATURE_ENTRY) || name.startsWith(ReleaseFormat.DOCS_PREFIX)
        || name.startsWith(ReleaseFormat.PAYLOAD_PREFIX);
  }

  private ReleaseVerificationException unexpected(ContainerReader.Entry entry, int position) {
    String name = Text.quoted(entry.name());
    if (entry.type() != TarHeader.TYPE_REGULAR) {
      return refuse(VerificationReason.UNLISTED_ENTRY, "container entry " + name + ": type "
          + Text.quoted(String.valueOf((char) entry.type())) + " (expected: regular files only)");
    }
    int at = names.indexOf(entry.name());
    String expected = position < names.size() ? "expected: " + Text.quoted(names.get(position)) + " here"
        : "expected: the end of the container";
    if (at >= 0 && at < position) {
      return refuse(VerificationReason.DUPLICATE_ENTRY, "container entry " + name + ": appears again (" + expected
          + ")");
    }
    if (at > position) {
      return refuse(VerificationReason.OUT_OF_ORDER, "container entry " + name + ": out of order (" + expected + ")");
    }
    return refuse(VerificationReason.UNLISTED_ENTRY, "container entry " + name + ": not part of this release ("
        + expected + ")");
  }

  private static ReleaseVerificationException refuse(VerificationReason reason, String message) {
    return new ReleaseVerificationException(reason, message);
  }
}
