package dev.convoy.agent.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.process.CommandResult.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: exit status, timeout (descendants killed too), output bound, clean environment, no stdin. */
class CommandRunnerTest {
  private final CommandRunner runner = new CommandRunner();
  @TempDir
  Path dir;

  private Path script(String name, String body) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    assertThat(file.toFile().setExecutable(true)).isTrue();
    return file;
  }

  private CommandResult run(Path script, Duration timeout, int maxOutput) {
    return runner.run(Command.of(script, List.of(), timeout, maxOutput));
  }

  @Test
  void run_success_capturesStdoutAndExitStatus() throws Exception {
    CommandResult result = run(script("ok", "echo hello; echo 'to stderr' >&2"), Duration.ofSeconds(10), 1024);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.stdout()).isEqualTo("hello\n");
    assertThat(result.stderr()).isEqualTo("to stderr\n");
  }

  @Test
  void run_failure_isAValueNamingTheStatusAndStderr() throws Exception {
    Path script = script("fail", "echo 'no such site' >&2; exit 3");
    Command command = Command.of(script, List.of(), Duration.ofSeconds(10), 1024);

    CommandResult result = runner.run(command);

    assertThat(result.outcome()).isEqualTo(Outcome.EXITED);
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.failure(command)).isEqualTo("exit status 3: no such site");
  }

  @Test
  void run_pastTheTimeout_killsTheScriptAndItsChildren() throws Exception {
    Path marker = dir.resolve("child.pid");
    Path script = script("slow", "sleep 30 & echo $! > " + marker + "; wait");
    Command command = Command.of(script, List.of(), Duration.ofMillis(500), 1024);

    long start = System.nanoTime();
    CommandResult result = runner.run(command);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(result.failure(command)).isEqualTo("timed out after 500 ms");
    long child = Long.parseLong(Files.readString(marker).strip());
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (running(child) && System.nanoTime() < deadline) {
      Thread.sleep(10); // SIGKILL is delivered asynchronously: bound the wait for the child to be gone
    }
    assertThat(running(child)).as("the script's sleep child still runs").isFalse();
  }

  /** Alive and not a zombie (a killed orphan stays a zombie until init reaps it, which some inits do lazily). */
  private static boolean running(long pid) throws Exception {
    Path stat = Path.of("/proc/" + pid + "/stat");
    if (!Files.exists(stat)) {
      return false;
    }
    String content = Files.readString(stat);
    return !content.substring(content.lastIndexOf(')') + 2).startsWith("Z");
  }

  @Test
  void run_tooMuchOutput_isKilledAndReported() throws Exception {
    Path script = script("chatty", "while :; do echo xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; done");
    Command command = Command.of(script, List.of(), Duration.ofSeconds(20), 10_000);

    CommandResult result = runner.run(command);

    assertThat(result.outcome()).isEqualTo(Outcome.OUTPUT_TOO_LARGE);
    assertThat(result.stdout()).hasSize(10_000);
    assertThat(result.failure(command)).isEqualTo("output exceeds 10000 bytes");
  }

  @Test
  void run_environment_isOnlyTheCommandsOwn() throws Exception {
    CommandResult result = run(script("env", "env | sort"), Duration.ofSeconds(10), 4096);

    assertThat(result.stdout().lines().filter(l -> !l.startsWith("PWD=") && !l.startsWith("SHLVL=")
        && !l.startsWith("_=")).toList()).containsExactly("LANG=C.UTF-8", "PATH=" + Command.CLEAN_PATH);
  }

  @Test
  void run_standardInput_isClosed() throws Exception {
    CommandResult result = run(script("stdin", "if read line; then echo got:$line; else echo eof; fi"),
        Duration.ofSeconds(10), 1024);

    assertThat(result.stdout()).isEqualTo("eof\n");
  }

  @Test
  void run_argumentsArePassedAsIs_noShellInterpretsThem() throws Exception {
    Path script = script("args", "for a in \"$@\"; do echo \"[$a]\"; done");

    CommandResult result = runner.run(Command.of(script, List.of("$HOME", "a b", "*", "; rm -rf /"),
        Duration.ofSeconds(10), 1024));

    assertThat(result.stdout().lines()).containsExactly("[$HOME]", "[a b]", "[*]", "[; rm -rf /]");
  }

  @Test
  void run_missingExecutable_isNotStarted() {
    Command command = Command.of(dir.resolve("absent"), List.of(), Duration.ofSeconds(1), 10);

    CommandResult result = runner.run(command);

    assertThat(result.outcome()).isEqualTo(Outcome.NOT_STARTED);
    assertThat(result.failure(command)).startsWith("cannot run: ");
  }

  @Test
  void executables_findOnlyExecutableRegularFilesInTheirDirectories() throws Exception {
    script("tool", "true");
    Files.writeString(dir.resolve("plain"), "not executable");
    Files.createDirectories(dir.resolve("folder"));
    Executables executables = new Executables(List.of(dir.resolve("nowhere"), dir));

    assertThat(executables.find("tool")).contains(dir.resolve("tool"));
    assertThat(executables.find("plain")).isEmpty();
    assertThat(executables.find("folder")).isEmpty();
    assertThat(new Executables(List.of()).find("sh")).isEmpty();
    assertThat(Executables.system().find("sh")).isPresent();
  }
}
