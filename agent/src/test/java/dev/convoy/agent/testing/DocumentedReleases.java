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

  /** The content of entry {@code name} of a release file. */
  public static byte[] content(byte[] release, String name) {
    int at = SignedReleases.contentOffset(release, name);
    return java.util.Arrays.copyOfRange(release, at, at + size(release, at - 512));
  }

  /** A copy whose entry {@code name} holds {@code content} instead (same length only). */
  public static byte[] replace(byte[] release, String name, byte[] content) {
    int at = SignedReleases.contentOffset(release, name);
    if (content.length != size(release, at - 512)) {
      throw new IllegalArgumentException("replacement of " + name + ": other length");
    }
    byte[] copy = release.clone();
    System.arraycopy(content, 0, copy, at, content.length);
    return copy;
  }

  /** A copy with a regular-file entry {@code name} inserted before entry {@code before} (valid ustar header). */
  public static byte[] insertBefore(byte[] release, String before, String name, byte[] content) {
    int at = SignedReleases.contentOffset(release, before) - 512;
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", content.length));
    put(header, 136, "00000000000");
    header[156] = '0';
    put(header, 257, "ustar");
    put(header, 263, "00");
    put(header, 329, "0000000");
    put(header, 337, "0000000");
    java.util.Arrays.fill(header, 148, 156, (byte) ' ');
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum));
    header[155] = ' ';
    int padded = (content.length + 511) / 512 * 512;
    byte[] out = new byte[release.length + 512 + padded];
    System.arraycopy(release, 0, out, 0, at);
    System.arraycopy(header, 0, out, at, 512);
    System.arraycopy(content, 0, out, at + 512, content.length);
    System.arraycopy(release, at, out, at + 512 + padded, release.length - at);
    return out;
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  private static int size(byte[] release, int header) {
    return Integer.parseInt(new String(release, header + 124, 11, java.nio.charset.StandardCharsets.US_ASCII)
        .trim(), 8);
  }
}
