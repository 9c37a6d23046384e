package dev.convoy.cli.release;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.Release;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code convoy package publish PATH --name N --version V}: uploads a release (archive file or directory). */
@Command(name = "publish", description = {
    "Publishes a release: PATH is a .tar.gz or .zip file, or a directory, packed into a reproducible tar.gz.",
    "Prints name@version, SHA-256 and size."})
public final class PublishCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "PATH", description = "A .tar.gz or .zip archive, or a directory to pack.")
  private String path;

  @Option(names = "--name", required = true, paramLabel = "N", description = "The package name, e.g. hello-convoy.")
  private String name;

  @Option(names = "--version", required = true, paramLabel = "V", description = "The release version, e.g. 1.0.0.")
  private String version;

  @Option(names = "--format", paramLabel = "tar.gz|zip", converter = ArchiveFormat.Converter.class,
      description = "The archive format of PATH, when its name does not tell.")
  private ArchiveFormat format;

  @Mixin
  private OutputOption output;

  PublishCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    boolean json = output.json(); // before the upload: a wrong --output must change nothing
    Release release = publish(context, context.resolve(path), name, version, Optional.ofNullable(format));
    if (json) {
      context.out().println(Json.pretty(release));
    } else {
      print(context.out(), release);
    }
    return ExitCodes.OK;
  }

  /** Packs (if needed) and uploads {@code path}; shared with the quick start. */
  public static Release publish(CliContext context, Path path, String name, String version,
      Optional<ArchiveFormat> format) throws IOException, InterruptedException {
    try (Payload payload = Payload.of(path, format)) {
      return new ReleaseUploader(context.adminAsync()).upload(name, version, payload);
    }
  }

  /** The human form: {@code name@version}, SHA-256, size, format. */
  public static void print(PrintWriter out, Release release) {
    out.println("Published " + release.getName() + "@" + release.getVersion());
    out.println("  sha256  " + release.getSha256());
    out.println("  size    " + release.getLength() + " bytes");
    out.println("  format  " + release.getArchiveFormat());
  }
}
