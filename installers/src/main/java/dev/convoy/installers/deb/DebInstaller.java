package dev.convoy.installers.deb;

import dev.convoy.installers.Detection;
import dev.convoy.installers.InstallContext;
import dev.convoy.installers.Installer;
import dev.convoy.installers.StepResult;
import dev.convoy.installers.script.DurableFiles;
import dev.convoy.installers.script.LocalProcessRunner;
import dev.convoy.installers.script.ProcessOutcome;
import dev.convoy.installers.script.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deb backend: the payload is a .deb installed with the real dpkg ({@link Dpkg}, options in {@link
 * DpkgOptions}); dpkg's database is the state, plus the kept .deb and pending marker of {@link DebLayout}.
 *
 * <ul>
 *   <li>detect: an uncommitted install counts as not installed; else {@code dpkg-query}: installed at {@code
 *       deb_version} is this release, another installed version is another release, anything else not installed.
 *   <li>stage: {@code dpkg-deb --field}: Package and Version must be the parameters'; keeps a copy of the .deb.
 *   <li>install: records the version installed before (the pending marker), then {@code dpkg -i}.
 *   <li>verify: {@code dpkg-query} shows it installed ({@code ii}) at this version, and {@code dpkg --verify}
 *       reports no file that differs from the package.
 *   <li>commit: drops the marker and the kept .deb of other versions (dpkg's own state needs nothing more).
 *   <li>rollback: reinstalls the previous version from its kept .deb; with no previous version, {@code dpkg
 *       --remove}; a previous version whose .deb was not kept (installed outside Convoy) cannot be restored, so the
 *       package is removed and the rollback fails.
 *   <li>uninstall: {@code dpkg --remove}, or {@code --purge} with parameter {@code purge=true}.
 * </ul>
 * Thread-safe across packages; one package (and one dpkg database) must be worked on by one caller at a time.
 */
public final class DebInstaller implements Installer {
  public static final String TYPE = "deb";
  private static final Logger logger = LoggerFactory.getLogger(DebInstaller.class);
  /** A {@code dpkg --verify} report line: nine check characters (or "missing"), then the path. */
  private static final Pattern VERIFY_PROBLEM = Pattern.compile("^(missing|[.?A-Za-z0-9]{9})\\s+.*");

  private final ProcessRunner runner;

  public DebInstaller() {
    this(new LocalProcessRunner());
  }

  /** A backend that runs dpkg through {@code runner} (tests observe which invocations ran). */
  public DebInstaller(ProcessRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when a parameter is malformed
   * @throws IllegalStateException when dpkg-query fails
   * @throws UncheckedIOException when the pending marker cannot be read
   */
  @Override
  public Detection detect(InstallContext context) {
    DebParameters parameters = DebParameters.from(context);
    try {
      Optional<DebLayout.Pending> pending = new DebLayout(context).pending();
      if (pending.isPresent()) {
        context.log().line("found an uncommitted install of " + pending.get().target() + "; it will be redone");
        return pending.get().previousVersion().map(Detection::other).orElse(Detection.notInstalled());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("detect " + context.packageName() + ": " + e.getMessage(), e);
    }
    DpkgStatus status = dpkg(context, parameters).query(parameters.packageName());
    if (status.known() && !status.installed()) {
      context.log().line("dpkg status: " + status.describe() + "; counted as not installed");
    }
    return status.detection(parameters.debVersion());
  }

  @Override
  public StepResult stage(InstallContext context) {
    Path payload = context.payload();
    try {
      DebParameters p = DebParameters.from(context);
      if (payload == null || !Files.isRegularFile(payload)) {
        return StepResult.failure("payload: " + payload + " (expected: the downloaded .deb file)");
      }
      Map<String, String> fields = dpkg(context, p).fields(payload, "Package", "Version");
      Optional<String> mismatch = mismatch(fields, "Package", p.packageName(), "package")
          .or(() -> mismatch(fields, "Version", p.debVersion(), "deb_version"));
      if (mismatch.isPresent()) {
        return StepResult.failure(payload.getFileName() + ": " + mismatch.get());
      }
      DebLayout layout = new DebLayout(context);
      layout.keep(payload, p.debVersion());
      return StepResult.success("checked " + payload.getFileName() + ": " + p.packageName() + " " + p.debVersion()
          + "; kept as deb/" + layout.kept(p.debVersion()).getFileName());
    } catch (IOException | IllegalArgumentException e) {
      return failure("stage", context, e);
    }
  }

  private static Optional<String> mismatch(Map<String, String> fields, String field, String expected, String from) {
    String actual = fields.get(field);
    return actual.equals(expected) ? Optional.empty()
        : Optional.of(field + " '" + actual + "' (expected: '" + expected + "', parameter " + from + ")");
  }

  @Override
  public StepResult install(InstallContext context) {
    try {
      DebParameters p = DebParameters.from(context);
      DebLayout layout = new DebLayout(context);
      Dpkg dpkg = dpkg(context, p);
      Path kept = layout.kept(p.debVersion());
      if (!Files.isRegularFile(kept)) {
        return StepResult.failure("deb/" + kept.getFileName() + " is missing (expected: staged before install)");
      }
      // An earlier attempt that died after dpkg -i already recorded what to go back to; dpkg now shows its target.
      Optional<DebLayout.Pending> earlier = layout.pending();
      String previous = earlier.isPresent() ? earlier.get().previous()
          : Optional.of(dpkg.query(p.packageName())).filter(DpkgStatus::installed).map(DpkgStatus::version).orElse("");
      layout.writePending(new DebLayout.Pending(previous, p.debVersion()));
      ProcessOutcome outcome = dpkg.install(kept);
      if (!outcome.exitedWith(0)) {
        return StepResult.failure(outcome.exitCode(), "dpkg -i " + kept.getFileName() + ": " + Dpkg.describe(outcome));
      }
      return StepResult.success("dpkg -i: installed " + p.packageName() + " " + p.debVersion()
          + (previous.isEmpty() ? "" : " over " + previous));
    } catch (IOException | IllegalArgumentException e) {
      return failure("install", context, e);
    }
  }

  @Override
  public StepResult verify(InstallContext context) {
    DebParameters p = DebParameters.from(context);
    Dpkg dpkg = dpkg(context, p);
    DpkgStatus status = dpkg.query(p.packageName());
    if (!status.installedAt(p.debVersion()) || !status.abbrev().startsWith("ii")) {
      return StepResult.failure("dpkg-query: " + p.packageName() + " " + status.describe() + " (expected: "
          + p.debVersion() + " ii)");
    }
    ProcessOutcome outcome = dpkg.verify(p.packageName());
    if (!outcome.exitedWith(0)) {
      return StepResult.failure(outcome.exitCode(), "dpkg --verify " + p.packageName() + ": " + Dpkg.describe(outcome));
    }
    List<String> problems = outcome.lines().stream().filter(l -> VERIFY_PROBLEM.matcher(l).matches()).toList();
    if (!problems.isEmpty()) {
      return StepResult.failure("dpkg --verify " + p.packageName() + ": " + problems.size() + " file"
          + (problems.size() == 1 ? " differs" : "s differ") + " from the package: "
          + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
    }
    return StepResult.success("dpkg-query: " + p.packageName() + " " + status.describe() + "; dpkg --verify: no"
        + " differences");
  }

  @Override
  public StepResult commit(InstallContext context) {
    try {
      DebParameters p = DebParameters.from(context);
      DebLayout layout = new DebLayout(context);
      layout.clearPending();
      int dropped = layout.dropKeptExcept(p.debVersion());
      return StepResult.success("committed " + p.packageName() + " " + p.debVersion() + "; deb/"
          + layout.kept(p.debVersion()).getFileName() + " kept for a later rollback"
          + (dropped == 0 ? "" : "; dropped " + dropped + " older .deb"));
    } catch (IOException | IllegalArgumentException e) {
      return failure("commit", context, e);
    }
  }

  @Override
  public StepResult rollback(InstallContext context) {
    try {
      DebParameters p = DebParameters.from(context);
      return new DebRollback(new DebLayout(context), dpkg(context, p), p).run();
    } catch (IOException | IllegalArgumentException e) {
      return failure("rollback", context, e);
    }
  }

  @Override
  public void cleanup(InstallContext context) {
    DebLayout layout = new DebLayout(context);
    try (Stream<Path> entries = Files.exists(layout.dir()) ? Files.list(layout.dir()) : Stream.empty()) {
      for (Path temp : entries.filter(DebInstaller::isTemporary).toList()) {
        Files.deleteIfExists(temp);
        context.log().line("cleanup: removed deb/" + temp.getFileName());
      }
      DurableFiles.deleteIfEmpty(layout.dir());
      DurableFiles.deleteIfEmpty(layout.packageDir());
    } catch (IOException e) {
      // Cleanup only removes leftovers; its failure must not change what the run achieved.
      logger.warn("deb cleanup failed package={}", context.packageName(), e);
      context.log().line("cleanup failed: " + e);
    }
  }

  @Override
  public StepResult uninstall(InstallContext context) {
    try {
      DebParameters p = DebParameters.from(context);
      Dpkg dpkg = dpkg(context, p);
      DebLayout layout = new DebLayout(context);
      DpkgStatus status = dpkg.query(p.packageName());
      if (status.known()) {
        ProcessOutcome outcome = dpkg.remove(p.packageName(), p.purge());
        if (!outcome.exitedWith(0)) {
          return StepResult.failure(outcome.exitCode(), (p.purge() ? "dpkg --purge " : "dpkg --remove ")
              + p.packageName() + ": " + Dpkg.describe(outcome));
        }
      }
      DurableFiles.deleteRecursively(layout.dir());
      DurableFiles.deleteIfEmpty(layout.packageDir());
      return StepResult.success(status.known() ? (p.purge() ? "purged " : "removed ") + p.packageName() + " "
          + status.version() : p.packageName() + " is not installed; nothing to remove");
    } catch (IOException | IllegalArgumentException e) {
      return failure("uninstall", context, e);
    }
  }

  /** A copy or marker being written ({@code .tmp-…}, {@code ..pending.tmp-…}); kept .debs start with a digit. */
  private static boolean isTemporary(Path entry) {
    String name = entry.getFileName().toString();
    return name.startsWith(".") && name.contains(".tmp-");
  }

  private Dpkg dpkg(InstallContext context, DebParameters parameters) {
    return new Dpkg(runner, parameters.dpkg(), context.workDir(), context.log());
  }

  static StepResult failure(String step, InstallContext context, Exception e) {
    logger.warn("{} failed package={} version={}", step, context.packageName(), context.version(), e);
    boolean sentence = e.getClass() == IOException.class || e instanceof IllegalArgumentException;
    return StepResult.failure(sentence && e.getMessage() != null ? e.getMessage() : e.toString());
  }
}
