package dev.convoy.cli;

/** The exit codes of {@code convoy}; scripts rely on them (cli/README.md). */
public final class ExitCodes {
  /** The command did what was asked; for a watched campaign or the quick start: every endpoint succeeded. */
  public static final int OK = 0;
  /** The server refused or failed, the server could not be reached, or a campaign did not fully succeed. */
  public static final int FAILED = 1;
  /** The command line was wrong: unknown command, missing or malformed option. */
  public static final int USAGE = 2;
  /** Interrupted (Ctrl-C), as shells report it. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
