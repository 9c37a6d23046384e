package dev.convoy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedDocumentsTest {
  private static final String RUNBOOK = ReleaseFormat.DOCS_PREFIX + "runbook.md";

  @TempDir
  Path tmp;

  @Test
  void readHead_honestRelease_documentsAsTheFullReadSeesThem() throws Exception {
    Forge.Built built = new Forge().build();
    VerifiedRelease full = ReleaseReader.inspect(Files.write(tmp.resolve("r.cvr"), built.bytes()), Forge.trusted());

    SignedDocuments.Head head = SignedDocuments.readHead(new ByteArrayInputStream(built.bytes()),
        full.manifestSha256());

    assertThat(head.documents()).isEqualTo(full.documents()).isNotEmpty();
    assertThat(head.manifest()).isEqualTo(full.manifest());
    assertThat(SignedDocuments.verifyManifest(head.manifestJson(), head.signatureJson(), Forge.trusted()).signer())
        .isEqualTo(full.signer());
  }

  @Test
  void readHead_otherManifestHash_hashMismatch() throws Exception {
    Forge.Built built = new Forge().build();

    assertThatThrownBy(() -> SignedDocuments.readHead(new ByteArrayInputStream(built.bytes()), "0".repeat(64)))
        .isInstanceOfSatisfying(ReleaseVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(VerificationReason.HASH_MISMATCH))
        .hasMessageContaining("as recorded when the release was verified");
  }

  @Test
  void readHead_documentByteFlipped_hashMismatch() throws Exception {
    Forge.Built built = new Forge().build();
    String sha = ReleaseReader.inspect(Files.write(tmp.resolve("r.cvr"), built.bytes()), Forge.trusted())
        .manifestSha256();

    assertThatThrownBy(() -> SignedDocuments.readHead(new ByteArrayInputStream(Corpus.flipAt(built, RUNBOOK, 3)),
        sha)).isInstanceOfSatisfying(ReleaseVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(VerificationReason.HASH_MISMATCH));
  }

  @Test
  void verifyManifest_untrustedKeyOrTamperedDocument_refused() throws Exception {
    Forge.Built built = new Forge().build();
    SignedDocuments.Head head = SignedDocuments.readHead(new ByteArrayInputStream(built.bytes()),
        ReleaseReader.inspect(Files.write(tmp.resolve("r.cvr"), built.bytes()), Forge.trusted()).manifestSha256());
    VerifiedManifest verified = SignedDocuments.verifyManifest(head.manifestJson(), head.signatureJson(),
        Forge.trusted());
    String runbook = head.documents().get("runbook.md");

    assertThat(verified.document("runbook.md", runbook)).isEqualTo(runbook);
    assertThatThrownBy(() -> verified.document("runbook.md", runbook + "x"))
        .isInstanceOfSatisfying(ReleaseVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(VerificationReason.LENGTH_MISMATCH));
    byte[] flipped = runbook.getBytes(StandardCharsets.UTF_8);
    flipped[0] ^= 0x04;
    assertThatThrownBy(() -> verified.document("runbook.md", flipped))
        .isInstanceOfSatisfying(ReleaseVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(VerificationReason.HASH_MISMATCH));
    assertThatThrownBy(() -> verified.document("other.md", runbook))
        .isInstanceOfSatisfying(ReleaseVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(VerificationReason.UNLISTED_ENTRY));
    assertThatThrownBy(() -> SignedDocuments.verifyManifest(head.manifestJson(), head.signatureJson(),
        TrustedKeys.of(Forge.UNTRUSTED.publicKey())))
        .isInstanceOfSatisfying(ReleaseVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(VerificationReason.UNTRUSTED_KEY));
  }
}
