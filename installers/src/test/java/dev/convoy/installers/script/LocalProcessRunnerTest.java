package dev.convoy.installers.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: exit codes, merged and bounded output, clean environment, stdin, timeouts, interruption. */
class LocalProcessRunnerTest {
  @TempDir
  Path temp;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final LocalProcessRunner runner = new LocalProcessRunner();

  private ProcessOutcome sh(String script, Duration timeout) {
    return runner.run(new ProcessSpec("test", List.of("/bin/sh", "-c", script), temp,
        CleanEnvironment.base(temp), timeout), log::add);
  }

  private ProcessOutcome sh(String script) {
    return sh(script, Duration.ofSeconds(20));
  }

  @Test
  void run_exitCode_reported() {
    ProcessOutcome outcome = sh("exit 7");

    assertThat(outcome.status()).isEqualTo(ProcessOutcome.Status.EXITED);
    assertThat(outcome.exitCode()).isEqualTo(7);
    assertThat(outcome.exitedWith(7)).isTrue();
  }

  @Test
  void run_stdoutAndStderr_mergedInOrderIntoLogAndOutput() {
    ProcessOutcome outcome = sh("echo one; echo two >&2; printf 'three\\r\\n'; printf 'no newline'");

    assertThat(log).containsSubsequence("[test] one", "[test] two", "[test] three", "[test] no newline");
    assertThat(outcome.lines()).containsExactly("one", "two", "three", "no newline");
    assertThat(outcome.outputTruncated()).isFalse();
  }

  @Test
  void run_environment_exactlyTheGivenVariables() {
    ProcessOutcome outcome = runner.run(new ProcessSpec("env", List.of("/usr/bin/env"), temp,
        Map.of("PATH", "/bin", "ONLY", "this"), Duration.ofSeconds(20)), log::add);

    assertThat(outcome.lines()).containsExactlyInAnyOrder("PATH=/bin", "ONLY=this");
  }

  @Test
  void run_moreThan64KiBOfOutput_keepsTheLast64KiBAndLogsEveryLine() {
    ProcessOutcome outcome = sh("seq 1 30000"); // 168,894 bytes

    assertThat(outcome.outputTruncated()).isTrue();
    assertThat(outcome.output().length()).isLessThanOrEqualTo(LocalProcessRunner.TAIL_BYTES);
    assertThat(outcome.output()).endsWith("29999\n30000\n");
    assertThat(outcome.excerpt()).endsWith("29999 | 30000");
    assertThat(log).contains("[test] 1", "[test] 15000", "[test] 30000");
  }

  @Test
  void run_moreThan1MiBOfOutput_logStopsWithANoteButTheTailIsKept() {
    ProcessOutcome outcome = sh("yes 0123456789abcdef | head -n 100000; echo last"); // 1.7 MB

    assertThat(log.stream().filter(l -> l.startsWith("[test] ")).mapToLong(String::length).sum())
        .isLessThan(OutputPump.MAX_LOGGED_BYTES + 20 * log.size());
    assertThat(log).contains("[test] (output beyond 1048576 bytes is not logged; its last bytes are kept)");
    assertThat(log).doesNotContain("[test] last");
    assertThat(outcome.output()).endsWith("0123456789abcdef\nlast\n");
  }

  @Test
  void run_lineWithoutEnd_splitIntoBoundedLogLines() {
    sh("head -c 20000 /dev/zero | tr '\\0' a");

    assertThat(log.stream().filter(l -> l.startsWith("[test] a")).map(String::length).toList())
        .containsExactly(7 + 8192, 7 + 8192, 7 + 20000 - 2 * 8192);
  }

  @Test
  void run_readsStdin_seesEndOfFileAtOnce() {
    ProcessOutcome outcome = sh("if read line; then echo got; else echo eof; fi", Duration.ofSeconds(20));

    assertThat(outcome.lines()).containsExactly("eof");
  }

  @Test
  void run_timeout_killsTheTreeBeforeTheScriptCanResume() {
    Path resumed = temp.resolve("resumed");

    ProcessOutcome outcome = sh("sleep 300 & echo child $!; sleep 301; touch " + resumed, Duration.ofMillis(500));

    assertThat(outcome.status()).isEqualTo(ProcessOutcome.Status.TIMED_OUT);
    assertThat(outcome.exitCode()).isEqualTo(ProcessOutcome.NO_EXIT_CODE);
    assertThat(outcome.detail()).isEqualTo("timed out after PT0.5S; killed 3 processes");
    assertThat(resumed).as("the script never ran past its sleep").doesNotExist();
    long child = Long.parseLong(outcome.lines().get(0).substring("child ".length()));
    assertThat(Processes.awaitGone(child)).as("background child killed").isTrue();
    assertThat(log).contains("test timed out after PT0.5S; killed 3 processes");
  }

  @Test
  void run_backgroundProcessOutlivesTheScript_returnsWithoutWaitingForIt() {
    long started = System.nanoTime();

    ProcessOutcome outcome = sh("sleep 30 & echo \"child $!\"; exit 0");

    long child = Long.parseLong(outcome.lines().get(0).substring("child ".length()));
    try {
      // The JDK closes the pipe at exit unless our reader is inside read(); then the 2 s drain grace ends the wait.
      assertThat(System.nanoTime() - started).isLessThan(15_000_000_000L);
      assertThat(outcome.exitedWith(0)).isTrue();
      assertThat(Processes.running(child)).as("a service a script starts is left running").isTrue();
    } finally {
      ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void run_interrupted_killsAndKeepsTheInterruptFlag() {
    Thread.currentThread().interrupt();

    ProcessOutcome outcome = sh("sleep 302");

    assertThat(Thread.interrupted()).as("flag kept (and cleared here)").isTrue();
    assertThat(outcome.status()).isEqualTo(ProcessOutcome.Status.INTERRUPTED);
    assertThat(outcome.detail()).isEqualTo("interrupted; the process tree was killed");
  }

  @Test
  void run_programMissing_notStarted() {
    ProcessOutcome outcome = runner.run(new ProcessSpec("missing", List.of(temp.resolve("nope").toString()), temp,
        Map.of(), Duration.ofSeconds(5)), log::add);

    assertThat(outcome.status()).isEqualTo(ProcessOutcome.Status.NOT_STARTED);
    assertThat(outcome.detail()).isEqualTo("could not start " + temp.resolve("nope") + ": no such executable (PATH=)");
  }

  @Test
  void run_invalidUtf8_replacedNotFatal() throws Exception {
    Files.write(temp.resolve("bytes"), new byte[] {'o', 'k', (byte) 0xff, '\n'});

    ProcessOutcome outcome = sh("cat bytes");

    assertThat(outcome.lines()).containsExactly("ok\uFFFD");
  }
}
