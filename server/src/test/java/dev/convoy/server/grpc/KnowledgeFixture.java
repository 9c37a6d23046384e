package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.Release;
import dev.convoy.release.KbArticle;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.server.testing.ReleaseFiles;
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Signed releases with documents for the knowledge tests: every release has KB-1 "Disk full" (INSTALLING, exit 28)
 * and a runbook (from {@link ReleaseFiles}); {@link #rich} adds a user guide in French, a second article and a
 * training link.
 */
final class KnowledgeFixture {
  static final String USER_DOC = "# Guide de l'utilisateur\n\nÉtape 1 : ouvrez l'application.\n";

  private final TestServer server;
  private final PublisherKeyPair key;
  private final Path work;

  KnowledgeFixture(TestServer server, PublisherKeyPair key, Path work) {
    this.server = server;
    this.key = key;
    this.work = work;
  }

  /** Publishes a plain release, one minute after the previous one (so "newest" is well defined). */
  Release plain(String name, String version) throws Exception {
    return publish(ReleaseFiles.build(work, key, name, version, false));
  }

  /** A release with a user guide, KB-2 "Print spooler stuck" (FAILED_VERIFICATION, exit 5) and a training link. */
  Release rich(String name, String version) throws Exception {
    return publish(richBytes(name, version));
  }

  byte[] richBytes(String name, String version) throws IOException {
    Path dir = Files.createTempDirectory(work, "docs-");
    Path userDoc = Files.writeString(dir.resolve("user.md"), USER_DOC);
    Path kb2 = Files.writeString(dir.resolve("kb2.md"), "Restart the print SPOOLER service; a full disk also stops it.\n");
    return ReleaseFiles.build(work, key, name, version, b -> b.userDoc(userDoc)
        .kbArticle("KB-2", "Print spooler stuck", new KbArticle.Coverage(List.of("FAILED_VERIFICATION"),
            List.of(5)), kb2)
        .trainingLink("What is new in " + version, "all users", "https://learn.example.com/" + name));
  }

  Release publish(byte[] file) throws Exception {
    server.clock.advance(Duration.ofMinutes(1));
    return SignedPublisher.upload(server, SignedPublisher.signedHeader(file), file);
  }
}
