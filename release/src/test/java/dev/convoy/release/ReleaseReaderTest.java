package dev.convoy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's contract beyond the tamper corpus: limits, gate, destination, and failing sources. */
class ReleaseReaderTest {
  @TempDir
  Path tmp;

  @Test
  void read_unpackedSizeAboveTheReadersLimit_refusedBeforeWriting() throws Exception {
    Path file = Files.write(tmp.resolve("r.cvr"), new Forge().bytes());
    ReleaseReader reader = new ReleaseReader(Forge.trusted(), new ReleaseLimits(1L << 30, 1000, 100));

    ReleaseVerificationException e = catchThrowableOfType(ReleaseVerificationException.class,
        () -> reader.read(file, tmp.resolve("staging")));

    assertThat(e.reason()).isEqualTo(VerificationReason.TOO_LARGE);
    assertThat(e.getMessage()).isEqualTo("manifest.json: unpacked_size: 40042 bytes (expected: at most 1000)");
    assertThat(tmp.resolve("staging")).doesNotExist();
  }

  @Test
  void read_gate_seesTheAuthenticManifestBeforeAnyWriteAndCanRefuse() throws Exception {
    Path file = Files.write(tmp.resolve("r.cvr"), new Forge().bytes());
    Path staging = tmp.resolve("staging");
    AtomicReference<String> seen = new AtomicReference<>();

    ReleaseVerificationException e = catchThrowableOfType(ReleaseVerificationException.class,
        () -> new ReleaseReader(Forge.trusted()).read(file, staging, m -> {
          seen.set(m.ref() + " staging exists=" + Files.exists(staging));
          throw new ReleaseVerificationException(VerificationReason.UNEXPECTED_RELEASE, "release: " + m.ref()
              + " (expected: other@1.0.0, the campaign's release)");
        }));

    assertThat(seen.get()).isEqualTo("forged-app@1.2.3 staging exists=false");
    assertThat(e.reason()).isEqualTo(VerificationReason.UNEXPECTED_RELEASE);
    assertThat(staging).doesNotExist();
  }

  @Test
  void read_untrustedSignatureOnMalformedManifest_refusedForTheKeyWithoutParsingOrCallingTheGate() throws Exception {
    Forge forge = new Forge();
    forge.signer = Forge.UNTRUSTED;
    forge.manifestEdit = b -> "{not json".getBytes();
    Path file = Files.write(tmp.resolve("r.cvr"), forge.bytes());
    AtomicInteger gateCalls = new AtomicInteger();

    ReleaseVerificationException e = catchThrowableOfType(ReleaseVerificationException.class,
        () -> new ReleaseReader(Forge.trusted()).read(file, tmp.resolve("staging"), m -> gateCalls.incrementAndGet()));

    assertThat(e.reason()).isEqualTo(VerificationReason.UNTRUSTED_KEY);
    assertThat(gateCalls).hasValue(0);
  }

  @Test
  void read_noTrustedKeys_refusesEveryRelease() throws Exception {
    Path file = Files.write(tmp.resolve("r.cvr"), new Forge().bytes());

    assertThatThrownBy(() -> new ReleaseReader(TrustedKeys.none()).inspect(file))
        .isInstanceOfSatisfying(ReleaseVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(VerificationReason.UNTRUSTED_KEY));
  }

  @Test
  void read_signedDowngradeInADowngradeCampaign_isAccepted() throws Exception {
    Forge forge = new Forge();
    forge.version = "1.0.0";
    forge.downgrade = true;
    Path file = Files.write(tmp.resolve("r.cvr"), forge.bytes());

    VerifiedRelease release = new ReleaseReader(Forge.trusted()).read(file, tmp.resolve("staging"),
        VersionPolicy.gate(SemanticVersion.parse("2.0.0"), true));

    assertThat(release.manifest().downgrade()).isTrue();
    assertThat(tmp.resolve("staging/bin/tool")).exists();
  }

  @Test
  void read_existingDestination_refusedAndLeftAlone() throws Exception {
    Path file = Files.write(tmp.resolve("r.cvr"), new Forge().bytes());
    Path existing = Files.createDirectory(tmp.resolve("staging"));
    Files.writeString(existing.resolve("mine.txt"), "keep");

    assertThatThrownBy(() -> new ReleaseReader(Forge.trusted()).read(file, existing))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists (expected: a path that does not");
    assertThat(existing.resolve("mine.txt")).hasContent("keep");
  }

  @Test
  void read_sourceFailsMidPayload_throwsItsIOExceptionAndRemovesTheDestination() throws Exception {
    byte[] bytes = new Forge().bytes();
    IOException broken = new IOException("connection reset");
    InputStream failing = new FilterInputStream(new ByteArrayInputStream(bytes)) {
      private int delivered;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (delivered > bytes.length / 2) {
          throw broken;
        }
        int n = super.read(b, off, Math.min(len, 1024));
        delivered += Math.max(n, 0);
        return n;
      }
    };
    Path staging = tmp.resolve("staging");

    assertThatThrownBy(() -> new ReleaseReader(Forge.trusted()).read(failing, staging, ManifestGate.ACCEPT_ALL))
        .isSameAs(broken);
    assertThat(staging).doesNotExist();
  }

  @Test
  void read_interrupted_stopsRemovesTheDestinationAndKeepsTheFlag() throws Exception {
    Path file = Files.write(tmp.resolve("r.cvr"), new Forge().bytes());
    Path staging = tmp.resolve("staging");

    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> new ReleaseReader(Forge.trusted()).read(file, staging))
          .isInstanceOf(java.io.InterruptedIOException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(staging).doesNotExist();
  }

  @Test
  void read_trailingZeroPadding_isAccepted() throws Exception {
    Forge forge = new Forge();
    forge.fileEdit = b -> java.util.Arrays.copyOf(b.bytes(), b.bytes().length + 9216);
    Path file = Files.write(tmp.resolve("r.cvr"), forge.bytes());

    VerifiedRelease release = new ReleaseReader(Forge.trusted()).inspect(file);

    assertThat(release.fileLength()).isEqualTo(Files.size(file));
  }
}
