package dev.convoy.server.technician;

import dev.convoy.release.ManifestGate;
import dev.convoy.release.ReleaseReader;
import dev.convoy.release.ReleaseVerificationException;
import dev.convoy.release.TrustedKeys;
import dev.convoy.release.VerifiedRelease;
import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.error.ConvoyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link RunbookSource} over the catalogue: the runbook is read from the release file the server keeps, verified
 * again against the keys trusted now (the document is part of what is signed), never from anything unsigned.
 * Thread-safe.
 */
public final class CatalogueRunbooks implements RunbookSource {
  static final String KIND = "runbook";

  private final CatalogueService catalogue;
  private final Supplier<TrustedKeys> trusted;

  public CatalogueRunbooks(CatalogueService catalogue, Supplier<TrustedKeys> trusted) {
    this.catalogue = catalogue;
    this.trusted = trusted;
  }

  @Override
  public Optional<String> runbook(String releaseName, String releaseVersion) {
    Release release = catalogue.require(releaseName, releaseVersion);
    boolean listed = release.signed().stream().flatMap(m -> m.documents().stream())
        .anyMatch(d -> KIND.equals(d.kind()));
    if (!listed) {
      return Optional.empty();
    }
    try (SeekableByteChannel channel = catalogue.openPayload(release);
        InputStream in = Channels.newInputStream(channel)) {
      VerifiedRelease verified = new ReleaseReader(trusted.get()).inspect(in, ManifestGate.ACCEPT_ALL);
      return verified.manifest().documents().runbook().map(verified::text);
    } catch (ReleaseVerificationException e) {
      throw ConvoyException.failedPrecondition("runbook of " + releaseName + "@" + releaseVersion
          + " cannot be read: " + e.getMessage());
    } catch (IOException e) {
      throw ConvoyException.internal("runbook of " + releaseName + "@" + releaseVersion + " unreadable", e);
    }
  }
}
