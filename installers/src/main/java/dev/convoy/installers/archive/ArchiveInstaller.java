package dev.convoy.installers.archive;

import dev.convoy.installers.Detection;
import dev.convoy.installers.InstallContext;
import dev.convoy.installers.Installer;
import dev.convoy.installers.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive backend: unpacks a tar.gz or zip payload into {@code managedRoot/<package>/versions/<version>} and
 * switches the {@code current} symlink to it (layout in {@link PackageLayout}).
 *
 * <ul>
 *   <li>stage: first rolls back an install a dead process left uncommitted, then extracts with {@link
 *       SafeExtractor} into a fresh {@code .staging-} directory, writes the manifest, renames it into place.
 *   <li>install: writes the pending marker (previous version), then renames a new symlink over {@code current}.
 *   <li>verify: {@code current} is this version and every manifest entry matches (size, SHA-256, mode, link).
 *   <li>commit: deletes the marker (the point of no return), then the previous version.
 *   <li>rollback: points {@code current} back at the marker's previous version (or removes it), deletes the marker
 *       and the failed version.
 *   <li>cleanup: removes staging, trash and temporary links, and versions nothing refers to.
 * </ul>
 * The payload is either an archive file, or a directory the caller already extracted and verified (the agent's
 * release reader does, against the signed manifest): then stage moves it into place with {@link StagedTree}
 * instead of extracting (same file system: one rename), and records the same manifest for verify.
 * Every step can be repeated after a crash at any point and converges. Parameters: {@code format} (tar.gz, tgz,
 * tar, zip; default: magic bytes), {@code maxBytes}, {@code maxEntries}, {@code maxRatio} (see {@link
 * ExtractionLimits}). Stateless: thread-safe across packages; one package must be worked on by one caller at a time.
 */
public final class ArchiveInstaller implements Installer {
  public static final String TYPE = "archive";
  private static final Logger logger = LoggerFactory.getLogger(ArchiveInstaller.class);

  @Override
  public boolean runsReleaseCode() {
    return false; // it only unpacks files and switches a link
  }

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * {@inheritDoc} An install that was switched but never committed counts as not installed (its previous version
   * is reported), so the lifecycle runs again and converges.
   *
   * @throws UncheckedIOException when the package directory cannot be read or {@code current} is malformed
   */
  @Override
  public Detection detect(InstallContext context) {
    PackageLayout layout = new PackageLayout(context);
    try {
      Optional<PendingInstall> pending = layout.pending();
      if (pending.isPresent()) {
        context.log().line("found an uncommitted install of " + pending.get().target() + "; it will be redone");
        return pending.get().previousVersion().map(Detection::other).orElse(Detection.notInstalled());
      }
      Optional<String> current = layout.currentVersion().filter(layout::hasVersion);
      if (current.isEmpty()) {
        return Detection.notInstalled();
      }
      return current.get().equals(context.version()) ? Detection.same(current.get()) : Detection.other(current.get());
    } catch (IOException e) {
      throw new UncheckedIOException("detect " + context.packageName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public StepResult stage(InstallContext context) {
    PackageLayout layout = new PackageLayout(context);
    String version = context.version();
    boolean extracted = StagedTree.isExtracted(context.payload());
    if (!extracted && (context.payload() == null || !Files.isRegularFile(context.payload()))) {
      return StepResult.failure("payload: " + context.payload() + " (expected: the downloaded payload file)");
    }
    try {
      ExtractionLimits limits = ExtractionLimits.from(context);
      String format = context.parameters().get("format");
      ArchiveFormat archiveFormat = format == null ? null : ArchiveFormat.fromParameter(format);
      Files.createDirectories(layout.versions());
      FileTrees.fsyncDirectory(context.managedRoot());
      recoverInterrupted(layout, context);
      if (layout.currentVersion().filter(version::equals).filter(layout::hasVersion).isPresent()) {
        return StepResult.success(version + " is already current; nothing to stage"); // never replace a live version
      }
      Path staging = layout.newStaging(version);
      ExtractionResult result = extracted
          ? StagedTree.adopt(context.payload(), staging, Set.of(FileManifest.NAME))
          : new SafeExtractor(limits, Set.of(FileManifest.NAME)).extract(context.payload(), archiveFormat, staging);
      if (!result.ok()) {
        return StepResult.failure("refused " + context.payload().getFileName() + ": " + result.message());
      }
      FileManifest.write(staging, result.files());
      FileTrees.fsyncDirectory(staging);
      layout.discard(layout.version(version)); // left by an earlier attempt that died; never the current one
      Files.move(staging, layout.version(version), StandardCopyOption.ATOMIC_MOVE);
      FileTrees.fsyncDirectory(layout.versions());
      return StepResult.success("staged versions/" + version + " (" + result.message() + ")");
    } catch (IOException | IllegalArgumentException e) {
      return failure("stage", context, e);
    }
  }

  @Override
  public StepResult install(InstallContext context) {
    PackageLayout layout = new PackageLayout(context);
    String version = context.version();
    try {
      if (!layout.hasVersion(version)) {
        return StepResult.failure("versions/" + version + " is missing (expected: staged before install)");
      }
      Optional<PendingInstall> pending = layout.pending();
      Optional<String> current = layout.currentVersion();
      if (pending.isEmpty() && current.filter(version::equals).isPresent()) {
        return StepResult.success(version + " is already current");
      }
      // An earlier uncommitted attempt already recorded the version to go back to; current is not it.
      String previous = pending.isPresent() ? pending.get().previous()
          : current.filter(layout::hasVersion).orElse(null);
      new PendingInstall(previous, version).write(layout.pendingMarker());
      layout.pointCurrentAt(version);
      return StepResult.success("current -> versions/" + version + "; "
          + (previous == null ? "no previous version" : "previous " + previous + " kept until commit"));
    } catch (IOException e) {
      return failure("install", context, e);
    }
  }

  @Override
  public StepResult verify(InstallContext context) {
    PackageLayout layout = new PackageLayout(context);
    String version = context.version();
    try {
      Optional<String> current = layout.currentVersion();
      if (current.filter(version::equals).isEmpty()) {
        return StepResult.failure("current -> " + current.map(v -> "versions/" + v).orElse("nothing")
            + " (expected: versions/" + version + ")");
      }
      List<FileRecord> records = FileManifest.read(layout.version(version));
      List<String> problems = FileManifest.check(layout.version(version), records);
      if (!problems.isEmpty()) {
        return StepResult.failure(problems.size() + " of " + records.size() + " entries differ from what was"
            + " extracted: " + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
      }
      return StepResult.success("verified " + records.size() + " entries of versions/" + version);
    } catch (IOException e) {
      return failure("verify", context, e);
    }
  }

  @Override
  public StepResult commit(InstallContext context) {
    PackageLayout layout = new PackageLayout(context);
    try {
      Optional<PendingInstall> pending = layout.pending();
      if (pending.isEmpty()) {
        return StepResult.success("nothing to commit");
      }
      String target = pending.get().target();
      Optional<String> current = layout.currentVersion();
      if (!target.equals(context.version()) || current.filter(target::equals).isEmpty()) {
        return StepResult.failure("pending install of " + target + " with current -> " + current.orElse("nothing")
            + " (expected: both " + context.version() + ")");
      }
      Files.delete(layout.pendingMarker());
      FileTrees.fsyncDirectory(layout.dir()); // the point of no return: the previous version is no longer needed
      return StepResult.success("committed " + target + dropPrevious(layout, pending.get(), context));
    } catch (IOException e) {
      return failure("commit", context, e);
    }
  }

  private static String dropPrevious(PackageLayout layout, PendingInstall pending, InstallContext context) {
    Optional<String> previous = pending.previousVersion().filter(p -> !p.equals(pending.target()));
    if (previous.isEmpty()) {
      return "";
    }
    try {
      layout.discard(layout.version(previous.get()));
      return "; removed previous version " + previous.get();
    } catch (IOException e) {
      // Committed already; the leftover is unreferenced now and cleanup removes it.
      logger.warn("could not remove previous version package={} version={}", context.packageName(), previous.get(), e);
      return "; previous version " + previous.get() + " left for cleanup (" + e.getMessage() + ")";
    }
  }

  @Override
  public StepResult rollback(InstallContext context) {
    PackageLayout layout = new PackageLayout(context);
    String version = context.version();
    try {
      Optional<PendingInstall> pending = layout.pending();
      if (pending.isPresent()) {
        return StepResult.success(layout.rollBack(pending.get()));
      }
      if (layout.currentVersion().filter(version::equals).isEmpty()) {
        layout.discard(layout.version(version));
        return StepResult.success("current was not switched; removed versions/" + version + " if it was staged");
      }
      return StepResult.success("nothing to roll back: " + version + " is current and committed");
    } catch (IOException e) {
      return failure("rollback", context, e);
    }
  }

  private static void recoverInterrupted(PackageLayout layout, InstallContext context) throws IOException {
    Optional<PendingInstall> pending = layout.pending();
    if (pending.isPresent()) {
      String done = layout.rollBack(pending.get());
      context.log().line("rolled back the uncommitted install of " + pending.get().target() + ": " + done);
      logger.info("recovered interrupted install package={} target={}", context.packageName(), pending.get().target());
    }
  }

  @Override
  public void cleanup(InstallContext context) {
    new PackageCleanup(new PackageLayout(context), context.log()).run();
  }

  @Override
  public StepResult uninstall(InstallContext context) {
    PackageLayout layout = new PackageLayout(context);
    try {
      if (!Files.exists(layout.dir())) {
        return StepResult.success(context.packageName() + " is not installed; nothing to remove");
      }
      String was = describeCurrent(layout);
      layout.removeCurrent();
      FileTrees.deleteRecursively(layout.dir());
      FileTrees.fsyncDirectory(context.managedRoot());
      return StepResult.success("removed " + context.packageName() + " (current version: " + was + ")");
    } catch (IOException e) {
      return failure("uninstall", context, e);
    }
  }

  private static String describeCurrent(PackageLayout layout) {
    try {
      return layout.currentVersion().orElse("none");
    } catch (IOException e) {
      return "unreadable: " + e.getMessage(); // uninstall removes a damaged package too
    }
  }

  private static StepResult failure(String step, InstallContext context, Exception e) {
    logger.warn("{} failed package={} version={}", step, context.packageName(), context.version(), e);
    // A plain IOException's message is a sentence; a FileSystemException's is only a path, so keep its type.
    boolean sentence = e.getClass() == IOException.class || e instanceof IllegalArgumentException;
    return StepResult.failure(sentence && e.getMessage() != null ? e.getMessage() : e.toString());
  }
}
