package dev.convoy.cli.release;

import dev.convoy.cli.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options that describe a signed release: shared by {@code release build} and the build-then-publish form of
 * {@code release publish}. None is marked required for picocli because {@code release publish FILE} takes none;
 * {@link #requireForBuild()} checks the ones a build needs.
 */
public final class BuildOptions {
  @Option(names = "--name", paramLabel = "N", description = "The package name, e.g. hello-convoy (required to build).")
  String name;

  @Option(names = "--version", paramLabel = "V", description = "The release version (semver), e.g. 1.0.0 (required).")
  String version;

  @Option(names = "--installer", paramLabel = "TYPE",
      description = "The installer backend: archive, script or deb (required to build).")
  String installer;

  @Option(names = "--param", paramLabel = "K=V", mapFallbackValue = "",
      description = "An installer parameter, e.g. --param timeout=10m (repeatable).")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(names = "--release-notes", paramLabel = "F", description = "Release notes (Markdown file).")
  String releaseNotes;

  @Option(names = "--user-doc", paramLabel = "F", description = "User documentation (Markdown file).")
  String userDoc;

  @Option(names = "--runbook", paramLabel = "F", description = "The production runbook (Markdown file).")
  String runbook;

  @ArgGroup(exclusive = false, multiplicity = "0..*", heading = "KB articles (repeat the group for each):%n")
  List<KbOption> kbArticles = new ArrayList<>();

  @ArgGroup(exclusive = false, multiplicity = "0..1", heading = "Training:%n")
  TrainingOption training;

  @Option(names = "--downgrade",
      description = "Sign this release as an allowed downgrade (a campaign must also pass --allow-downgrade).")
  boolean downgrade;

  @Option(names = "--depends", paramLabel = "NAME:RANGE",
      description = "A package that must be installed first, e.g. --depends 'fonts:>=2.0.0 <3.0.0' (repeatable;"
          + " RANGE is * or comparators = > >= < <= separated by one space).")
  List<String> depends = new ArrayList<>();

  @Option(names = "--conflicts", paramLabel = "NAME:RANGE",
      description = "A package that must not be installed alongside, e.g. --conflicts 'oldviewer:*' (repeatable).")
  List<String> conflicts = new ArrayList<>();

  @Option(names = "--supersedes", paramLabel = "NAME:RANGE",
      description = "A package this release replaces (installing it is an upgrade of it), e.g. --supersedes"
          + " 'viewer-lite:<5.0.0' (repeatable).")
  List<String> supersedes = new ArrayList<>();

  @Option(names = "--os", paramLabel = "FACT=VALUE",
      description = "A minimum OS fact: a value (--os os.family=debian) or comparators (--os 'os.version=>=12')"
          + " (repeatable).")
  Map<String, String> os = new LinkedHashMap<>();

  @Option(names = "--key", paramLabel = "PRIVATE_KEY",
      description = "The publisher private key that signs the release (from convoy publisher keygen).")
  String key;

  /** Options for a release with no documents: what the quick start builds. */
  public static BuildOptions of(String name, String version, String installer, String privateKeyFile) {
    BuildOptions options = new BuildOptions();
    options.name = name;
    options.version = version;
    options.installer = installer;
    options.key = privateKeyFile;
    return options;
  }

  /** These options with the release notes, user documentation and runbook files given (null: none). */
  public BuildOptions withDocuments(Path releaseNotes, Path userDoc, Path runbook) {
    this.releaseNotes = releaseNotes == null ? null : releaseNotes.toString();
    this.userDoc = userDoc == null ? null : userDoc.toString();
    this.runbook = runbook == null ? null : runbook.toString();
    return this;
  }

  /** These options with one more technician KB article, covering {@code exitCodes} and {@code states}. */
  public BuildOptions withKbArticle(String id, String title, Path file, List<Integer> exitCodes,
      List<String> states) {
    KbOption article = new KbOption();
    article.id = id;
    article.title = title;
    article.file = file.toString();
    article.exitCodes = new ArrayList<>(exitCodes);
    article.states = new ArrayList<>(states);
    kbArticles.add(article);
    return this;
  }

  /** These options with a training item shipped as a Markdown file. */
  public BuildOptions withTraining(String title, String audience, Path file) {
    TrainingOption item = new TrainingOption();
    item.title = title;
    item.audience = audience;
    item.file = file.toString();
    this.training = item;
    return this;
  }

  /** Whether any option was given: {@code release publish FILE} must get none. */
  boolean any() {
    return name != null || version != null || installer != null || !parameters.isEmpty() || releaseNotes != null
        || userDoc != null || runbook != null || !kbArticles.isEmpty() || training != null || downgrade || key != null
        || !depends.isEmpty() || !conflicts.isEmpty() || !supersedes.isEmpty() || !os.isEmpty();
  }

  /** @throws UsageException naming the first missing option a build needs */
  void requireForBuild() {
    require("--name", name);
    require("--version", version);
    require("--installer", installer);
    require("--key", key);
  }

  private static void require(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new UsageException("missing " + option + " (expected: it is required to build a release)");
    }
  }
}
