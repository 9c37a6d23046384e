package dev.convoy.cli.release;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.release.BuiltRelease;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy release build DIR --name N --version V --installer T --key KEY --out FILE [documents]}: a signed
 * release file, built offline with the release module's {@code ReleaseBuilder}.
 */
@Command(name = "build", sortOptions = false, description = {
    "Builds and signs a release file offline. DIR is packed as a reproducible tar.gz (installers archive, script);",
    "for --installer deb, DIR is the .deb file (or a directory holding exactly one). Any single file is shipped as is.",
    "Prints name@version, the signing key id, and the file's SHA-256 and size.",
    "Required: --name, --version, --installer, --key, --out."})
public final class ReleaseBuildCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "DIR", description = "The payload: a directory, or a .deb file.")
  private String source;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The release file to write (.cvr).")
  private String out;

  @Mixin
  private BuildOptions options;

  ReleaseBuildCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() throws IOException {
    BuiltRelease built = SignedReleaseBuild.build(context, options, context.resolve(source), context.resolve(out));
    context.out().print(ReleaseView.built(built));
    context.err().println("Publish it with: convoy release publish " + built.file());
    return ExitCodes.OK;
  }
}
