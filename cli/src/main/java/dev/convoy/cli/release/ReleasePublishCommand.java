package dev.convoy.cli.release;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.UsageException;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.Release;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy release publish FILE}: uploads a signed release file; the server verifies it against its trusted
 * publisher keys and takes name, version and installer from the signed manifest. With {@code --key} (and the other
 * build options) PATH is built first into a temporary file, then published.
 */
@Command(name = "publish", sortOptions = false, description = {
    "Publishes a signed release file (from convoy release build). The server checks its signature against the",
    "trusted publisher keys (convoy publisher list) and records name, version and installer from its manifest.",
    "With --key: builds PATH first (as convoy release build does, into a temporary file), then publishes it."})
public final class ReleasePublishCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "PATH",
      description = "A release file; or, with --key and the build options, a directory or .deb to build.")
  private String path;

  @Mixin
  private BuildOptions options;

  @Mixin
  private OutputOption output;

  ReleasePublishCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    boolean json = output.json(); // before any work: a wrong --output must change nothing
    Path source = context.resolve(path);
    Release release;
    if (options.key == null) {
      if (options.any()) {
        throw new UsageException("build options given without --key (expected: --key PRIVATE_KEY to build PATH"
            + " first, or a release file as PATH and no build options)");
      }
      release = publishFile(context, source);
    } else {
      release = buildAndPublish(context, options, source);
    }
    context.out().print(json ? Json.pretty(release) + "\n" : ReleaseView.published(release));
    return ExitCodes.OK;
  }

  /** Uploads the signed release {@code file} as is. */
  public static Release publishFile(CliContext context, Path file) throws IOException, InterruptedException {
    return new ReleaseUploader(context.adminAsync()).upload(Payload.releaseFile(file));
  }

  /** Builds {@code source} into a temporary release file, publishes it, deletes it; shared with the quick start. */
  public static Release buildAndPublish(CliContext context, BuildOptions options, Path source)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("convoy-release-");
    Path file = dir.resolve("release.cvr");
    try {
      SignedReleaseBuild.build(context, options, source, file);
      return publishFile(context, file);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }
}
