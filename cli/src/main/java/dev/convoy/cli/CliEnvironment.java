package dev.convoy.cli;

import dev.convoy.cli.quickstart.OsProcessLauncher;
import dev.convoy.cli.quickstart.ProcessLauncher;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the CLI takes from the world it runs in, so that tests can run every command in-process.
 *
 * @param variables environment variables ({@code CONVOY_SERVER}, {@code CONVOY_IDENTITY}, {@code TERM})
 * @param out where results go (stdout)
 * @param err where errors and progress hints go (stderr)
 * @param clock the time used for "last seen 3m ago" and for the quick start's waits
 * @param terminal whether stdout is an interactive terminal: decides ANSI redraws in {@code --watch}
 * @param channels opens the channel to the server
 * @param launcher starts the server and agent processes of the quick start
 * @param workingDirectory where relative paths given on the command line start
 * @param convoyHome the distribution root ({@code convoy.home}), if the launcher set it
 */
public record CliEnvironment(
    Map<String, String> variables,
    PrintWriter out,
    PrintWriter err,
    Clock clock,
    boolean terminal,
    ChannelFactory channels,
    ProcessLauncher launcher,
    Path workingDirectory,
    Optional<Path> convoyHome) {

  public CliEnvironment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(channels, "channels");
    Objects.requireNonNull(launcher, "launcher");
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
    Objects.requireNonNull(convoyHome, "convoyHome");
  }

  /** The real process: system environment, stdout/stderr, mTLS channels, OS processes. */
  public static CliEnvironment system() {
    Map<String, String> variables = System.getenv();
    boolean terminal = System.console() != null && !"dumb".equals(variables.get("TERM"));
    return new CliEnvironment(
        variables,
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        Clock.systemUTC(),
        terminal,
        ChannelFactory.mutualTls(),
        new OsProcessLauncher(),
        Path.of(""),
        Optional.ofNullable(System.getProperty("convoy.home")).map(Path::of));
  }

  /** The value of environment variable {@code name}, if set and not blank. */
  public Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
  }
}
