package dev.convoy.cli.release;

import dev.convoy.cli.CliContext;
import dev.convoy.cli.UsageException;
import dev.convoy.release.BuiltRelease;
import dev.convoy.release.InstallerSpec;
import dev.convoy.release.KbArticle;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.release.ReleaseBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns {@link BuildOptions} into a {@link ReleaseBuilder} run: picks the payload (a directory packed as tar.gz, or
 * one file as is), adds the documents, signs with the private key. Every input the release module refuses becomes
 * a usage error naming it. Stateless.
 */
public final class SignedReleaseBuild {
  private SignedReleaseBuild() {}

  /**
   * Builds and signs the release of {@code source} into {@code output}.
   *
   * @param source a directory, or a single file (a {@code .deb}); for installer {@code deb}, a directory must hold
   *     exactly one {@code .deb}
   * @throws UsageException for a missing option, file or an invalid value (naming it)
   * @throws IOException if reading the sources or writing the output fails
   */
  public static BuiltRelease build(CliContext context, BuildOptions options, Path source, Path output)
      throws IOException {
    options.requireForBuild();
    PublisherKeyPair key = loadKey(context.resolve(options.key));
    ReleaseBuilder builder = builderFor(source, options.installer);
    try {
      builder.name(options.name).version(options.version)
          .installer(new InstallerSpec(options.installer, options.parameters))
          .downgrade(options.downgrade);
      addDocuments(context, options, builder);
      addRelations(options, builder);
      return builder.build(output, key);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private static void addRelations(BuildOptions options, ReleaseBuilder builder) {
    options.depends.forEach(text -> relation("--depends", text, builder::dependency));
    options.conflicts.forEach(text -> relation("--conflicts", text, builder::conflict));
    options.supersedes.forEach(text -> relation("--supersedes", text, builder::supersedes));
    options.os.forEach((fact, value) -> {
      try {
        builder.osRequirement(fact, value);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--os: " + e.getMessage(), e);
      }
    });
  }

  private static void relation(String option, String text, java.util.function.BiConsumer<String, String> add) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new UsageException(option + ": '" + text + "' (expected: NAME:RANGE, e.g. fonts:>=2.0.0 <3.0.0 or"
          + " fonts:*)");
    }
    try {
      add.accept(text.substring(0, colon), text.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage(), e);
    }
  }

  private static PublisherKeyPair loadKey(Path file) {
    try {
      return PublisherKeys.loadPrivateKey(file);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--key: " + file + ": " + e.getMessage(), e);
    }
  }

  static ReleaseBuilder builderFor(Path source, String installer) throws IOException {
    if (Files.isRegularFile(source)) {
      return ReleaseBuilder.fromFile(source);
    }
    if (!Files.isDirectory(source)) {
      throw new UsageException("DIR: " + source + " does not exist (expected: a directory, or a .deb file)");
    }
    if (!"deb".equals(installer)) {
      return ReleaseBuilder.fromDirectory(source);
    }
    List<Path> debs;
    try (Stream<Path> files = Files.list(source)) {
      debs = files.filter(f -> f.getFileName().toString().endsWith(".deb") && Files.isRegularFile(f)).toList();
    }
    if (debs.size() != 1) {
      throw new UsageException("DIR: " + source + " holds " + debs.size() + " .deb files (expected: exactly one,"
          + " or the .deb file itself as DIR, for --installer deb)");
    }
    return ReleaseBuilder.fromFile(debs.get(0));
  }

  private static void addDocuments(CliContext context, BuildOptions options, ReleaseBuilder builder) {
    if (options.releaseNotes != null) {
      builder.releaseNotes(markdown(context, "--release-notes", options.releaseNotes));
    }
    if (options.userDoc != null) {
      builder.userDoc(markdown(context, "--user-doc", options.userDoc));
    }
    if (options.runbook != null) {
      builder.runbook(markdown(context, "--runbook", options.runbook));
    }
    for (KbOption kb : options.kbArticles) {
      KbArticle.Coverage covers;
      try {
        covers = new KbArticle.Coverage(kb.states, kb.exitCodes);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--kb " + kb.id + ": " + e.getMessage(), e);
      }
      builder.kbArticle(kb.id, kb.title, covers, markdown(context, "--kb-file", kb.file));
    }
    TrainingOption training = options.training;
    if (training != null) {
      training.requireOneSource();
      if (training.link != null) {
        builder.trainingLink(training.title, training.audience, training.link);
      } else {
        builder.trainingDocument(training.title, training.audience, markdown(context, "--training-file",
            training.file));
      }
    }
  }

  private static Path markdown(CliContext context, String option, String file) {
    Path path = context.resolve(file);
    if (!Files.isRegularFile(path)) {
      throw new UsageException(option + ": " + path + " does not exist (expected: a Markdown file)");
    }
    return path;
  }
}
