package dev.convoy.server.knowledge;

import dev.convoy.release.ReleaseVerificationException;
import dev.convoy.release.SignedDocuments;
import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.error.ConvoyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the head (manifest, signature, documents; never the payload) of a stored signed release file and checks it
 * against the manifest SHA-256 the catalogue recorded when it verified the upload: the file on disk is trusted only
 * as far as it still matches what was verified, at every read. Stateless apart from the catalogue; thread-safe.
 */
public final class ReleaseHeads {
  private static final Logger logger = LoggerFactory.getLogger(ReleaseHeads.class);

  private final CatalogueService catalogue;

  public ReleaseHeads(CatalogueService catalogue) {
    this.catalogue = catalogue;
  }

  /**
   * The verified head of {@code release}.
   *
   * @throws ConvoyException FAILED_PRECONDITION for an unsigned release (it carries no documents) or a stored file
   *     that no longer matches its signed manifest (nothing of it is served); INTERNAL when it cannot be read
   */
  public SignedDocuments.Head read(Release release) {
    String manifestSha256 = release.signed().orElseThrow(() -> ConvoyException.failedPrecondition("release: "
        + release.ref() + " is an unsigned payload (expected: a signed release, which carries documents)"))
        .manifestSha256();
    try (SeekableByteChannel channel = catalogue.openPayload(release);
        InputStream in = Channels.newInputStream(channel)) {
      return SignedDocuments.readHead(in, manifestSha256);
    } catch (ReleaseVerificationException e) {
      logger.error("stored release file does not match its signed manifest release={} reason={} message={}",
          release.ref(), e.reason(), e.getMessage());
      throw ConvoyException.failedPrecondition("release: " + release.ref() + ": the stored release file does not"
          + " match its signed manifest (" + e.reason() + ": " + e.getMessage() + "); nothing of it is served");
    } catch (IOException e) {
      throw ConvoyException.internal("release: cannot read the stored file of " + release.ref(), e);
    }
  }
}
