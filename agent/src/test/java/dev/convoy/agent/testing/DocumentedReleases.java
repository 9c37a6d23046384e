package dev.convoy.agent.testing;

import dev.convoy.agent.deployment.DeploymentAction;
import dev.convoy.agent.deployment.DeploymentJournal;
import dev.convoy.agent.deployment.DeploymentSpec;
import dev.convoy.agent.deployment.DeploymentState;
import dev.convoy.agent.deployment.JournalEntry;
import dev.convoy.agent.deployment.Release;
import dev.convoy.release.BuiltRelease;
import dev.convoy.release.KbArticle;
import dev.convoy.release.PublisherKeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Signed releases with documents (user guide in French, runbook, one KB article, a training link) for the agent's
 * document and training tests, and journal entries that put them on the test workstation.
 */
public final class DocumentedReleases {
  public static final String USER_DOC = "# Guide\n\nÉtape 1 : ouvrez l'application.\n";
  public static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

  private static final List<DeploymentState> PATH = List.of(DeploymentState.NOTIFIED, DeploymentState.DOWNLOADING,
      DeploymentState.DOWNLOADED, DeploymentState.INSTALLING, DeploymentState.VERIFYING, DeploymentState.SUCCEEDED);

  private DocumentedReleases() {}

  public static BuiltRelease build(Path dir, String name, String version, PublisherKeyPair key) {
    try {
      Path work = Files.createTempDirectory(Files.createDirectories(dir), "docs-");
      Path tree = Files.createDirectories(work.resolve("tree/bin"));
      Files.writeString(tree.resolve("hello"), "#!/bin/sh\necho " + version + "\n");
      Path user = Files.writeString(work.resolve("user.md"), USER_DOC);
      Path runbook = Files.writeString(work.resolve("runbook.md"), "1. install\n");
      Path kb = Files.writeString(work.resolve("kb.md"), "Free some disk space.\n");
      return SignedReleases.build(work.resolve("tree"), name, version, "archive", Map.of(), false, key,
          work.resolve("out"), b -> b.userDoc(user).runbook(runbook)
              .kbArticle("KB-1", "Disk full", new KbArticle.Coverage(List.of("INSTALLING"), List.of(28)), kb)
              .trainingLink("What is new in " + version, "all users", "https://learn.example.com/" + name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The agent's view of {@code built} as a deployment's release (fields as the server sends them). */
  public static Release release(BuiltRelease built, PublisherKeyPair key) {
    return new Release(built.manifest().name(), built.manifest().version().toString(), "archive",
        built.fileSha256(), built.fileLength(), 4096, List.of(), "", Release.SIGNED_FORMAT, key.id().hex(), Map.of(),
        SignedReleases.manifestSha256(built, key), false);
  }

  /** Journals a deployment of {@code built} that trusts {@code trusted}, in {@code state}. */
  public static void journal(DeploymentJournal journal, String id, BuiltRelease built, PublisherKeyPair signer,
      PublisherKeyPair trusted, DeploymentState state) {
    DeploymentSpec spec = new DeploymentSpec(id, "c-1", release(built, signer), DeploymentAction.INSTALL, 1, false,
        List.of(trusted.publicKey()));
    JournalEntry entry = journal.write(JournalEntry.offered(spec, T0));
    int minute = 0;
    for (DeploymentState next : PATH) {
      if (entry.state() == state) {
        return;
      }
      entry = journal.write(entry.advance(next, "test", 0, T0.plusSeconds(60L * ++minute)));
    }
  }
}
