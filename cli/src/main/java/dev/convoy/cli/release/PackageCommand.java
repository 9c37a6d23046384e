package dev.convoy.cli.release;

import dev.convoy.cli.UsageException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code convoy package}: retired. It published the walking skeleton's unsigned archives, which the server no
 * longer accepts; hidden from the help, it only tells whoever still types it what replaced it ({@code convoy release
 * publish}, which also builds and signs a directory in one command).
 */
@Command(name = "package", hidden = true, description = "Retired: use convoy release publish.")
public final class PackageCommand implements Callable<Integer> {
  /** What {@code convoy package ...} answers (exit code 2). */
  public static final String RETIRED = "convoy package publish was retired: the server accepts only signed releases"
      + " (expected: convoy release publish DIR --name N --version V --installer archive --key PRIVATE_KEY to build,"
      + " sign and publish in one command, or convoy release publish FILE for a file from convoy release build)";

  @Unmatched
  private List<String> arguments;

  @Override
  public Integer call() {
    throw new UsageException(RETIRED);
  }
}
