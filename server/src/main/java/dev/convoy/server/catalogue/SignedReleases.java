package dev.convoy.server.catalogue;

import dev.convoy.release.KbArticle;
import dev.convoy.release.ReleaseDocuments;
import dev.convoy.release.ReleaseManifest;
import dev.convoy.release.ReleaseReader;
import dev.convoy.release.ReleaseVerificationException;
import dev.convoy.release.TrustedKeys;
import dev.convoy.release.VerificationReason;
import dev.convoy.release.VerifiedRelease;
import dev.convoy.server.error.ConvoyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies an uploaded signed release file and turns its manifest into what the catalogue records. Refusals become
 * ConvoyExceptions: FAILED_PRECONDITION when the file is authentic-looking but not signed by a key this server trusts
 * (the admin can fix that with {@code convoy publisher trust}), INVALID_ARGUMENT when it is malformed or tampered
 * with. Stateless.
 */
final class SignedReleases {
  private static final Pattern SIGNED_BY = Pattern.compile("signed by key ([0-9a-f]{16,64})");

  private SignedReleases() {}

  /**
   * Runs the release reader's full verification pass over {@code file} (signature, documents, every payload entry),
   * writing nothing.
   *
   * @throws ConvoyException as described in the class comment; INTERNAL if the file cannot be read
   */
  static VerifiedRelease verify(Path file, TrustedKeys keys) {
    try {
      return ReleaseReader.inspect(file, keys);
    } catch (ReleaseVerificationException e) {
      throw refusal(e);
    } catch (IOException e) {
      throw ConvoyException.internal("catalogue: cannot read the uploaded release file " + file, e);
    }
  }

  private static ConvoyException refusal(ReleaseVerificationException e) {
    if (e.reason() == VerificationReason.UNTRUSTED_KEY) {
      Matcher signer = SIGNED_BY.matcher(e.getMessage());
      String key = signer.find() ? signer.group(1) : "(unknown)";
      return ConvoyException.failedPrecondition("release file: signed by key " + key
          + ", which this server does not trust (convoy publisher list)");
    }
    if (e.reason() == VerificationReason.UNSIGNED) {
      return ConvoyException.failedPrecondition("release file: not signed (" + e.getMessage()
          + "); this server accepts only releases signed by a trusted publisher key (convoy publisher list)");
    }
    return ConvoyException.invalidArgument("release file: " + e.reason() + ": " + e.getMessage());
  }

  /**
   * The header's name, version and installer, where set, must equal the signed manifest's.
   *
   * @throws ConvoyException INVALID_ARGUMENT naming the first field that differs
   */
  static void requireHeaderMatches(ReleaseHeader header, ReleaseManifest manifest) {
    requireSame("name", header.name(), manifest.name());
    requireSame("version", header.version(), manifest.version().toString());
    requireSame("installer", header.installer(), manifest.installer().type());
    if (!ReleaseHeader.SIGNED_INSTALLERS.contains(manifest.installer().type())) {
      throw ConvoyException.invalidArgument("installer: '" + manifest.installer().type()
          + "' in the signed manifest (expected: archive, script or deb)");
    }
  }

  private static void requireSame(String field, String declared, String signed) {
    if (!declared.isEmpty() && !declared.equals(signed)) {
      throw ConvoyException.invalidArgument(field + ": the header says '" + declared + "', the signed manifest says '"
          + signed + "' (expected: empty or the manifest's value)");
    }
  }

  /** The release the catalogue records for a verified file. */
  static Release describe(VerifiedRelease verified, StoredContent stored, java.time.Instant at, String publisher) {
    ReleaseManifest m = verified.manifest();
    SignedManifest signed = new SignedManifest(verified.signer().hex(), verified.manifestSha256(),
        m.installer().parameters(), m.downgrade(), documents(m.documents()),
        new PackageRelations(m.dependencies(), m.conflicts(), m.supersedes(), m.osRequirements()));
    String archiveFormat = m.payload().format().label().equals("tar.gz") ? "tar.gz" : "";
    return new Release(m.name(), m.version().toString(), m.installer().type(), archiveFormat, stored.sha256(),
        stored.length(), stored.chunkSize(), stored.chunkSha256(), at, publisher, java.util.Optional.of(signed));
  }

  private static List<ReleaseDocument> documents(ReleaseDocuments d) {
    List<ReleaseDocument> all = new ArrayList<>();
    d.releaseNotes().ifPresent(r -> all.add(new ReleaseDocument("release_notes", r.name(), "", "", r.length(),
        r.sha256())));
    d.userDoc().ifPresent(r -> all.add(new ReleaseDocument("user_doc", r.name(), "", "", r.length(), r.sha256())));
    d.runbook().ifPresent(r -> all.add(new ReleaseDocument("runbook", r.name(), "", "", r.length(), r.sha256())));
    for (KbArticle a : d.kbArticles()) {
      all.add(new ReleaseDocument("kb_article", a.document().name(), a.title(), a.id(), a.document().length(),
          a.document().sha256()));
    }
    // A training given as a link carries no document: only a shipped training text is listed here.
    d.training().ifPresent(t -> t.document().ifPresent(r -> all.add(new ReleaseDocument("training", r.name(),
        t.title(), "", r.length(), r.sha256()))));
    return all;
  }
}
