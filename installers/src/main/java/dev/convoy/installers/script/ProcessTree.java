package dev.convoy.installers.script;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a process and everything it started, with SIGKILL: a step that overran its timeout is assumed hung, not
 * asked to finish.
 *
 * <p>{@link LocalProcessRunner} starts each program in its own session ({@code setsid}), so first the whole
 * process group is killed in one {@code kill(2)}, which the kernel makes atomic with respect to fork: nothing in
 * the group can start a child that escapes. Processes that left the group (their own {@code setsid}, daemons) are
 * then found by parentage: the descendants listed before the group kill, and any they started since, in rounds.
 * Without {@code setsid} on the machine only the parentage walk runs, process first (so a script blocked in
 * {@code wait} cannot go on to its next command), then the descendants; a child forked in the instant between
 * listing and killing would escape that walk. Stateless and thread-safe.
 */
final class ProcessTree {
  private static final Logger logger = LoggerFactory.getLogger(ProcessTree.class);
  private static final int MAX_ROUNDS = 5;
  private static final Duration EXIT_WAIT = Duration.ofSeconds(5);
  /** kill(1) as a shell builtin (always there, unlike /bin/kill); the group id is an argument, not script text. */
  private static final String KILL_GROUP = "kill -s KILL -- \"-$1\"";

  private ProcessTree() {}

  /**
   * Kills {@code root}, its process group when it leads one, and its descendants, then waits (up to 5 s) for
   * {@code root} to be gone.
   *
   * @param groupLeader whether {@code root} leads its own process group (started through setsid)
   * @return how many processes were found and sent SIGKILL
   * @throws InterruptedException when interrupted while waiting (everything was signalled already)
   */
  static int kill(ProcessHandle root, boolean groupLeader) throws InterruptedException {
    int killed = signal(root, groupLeader);
    awaitExit(root);
    return killed;
  }

  /** Sends SIGKILL as {@link #kill} does, without waiting for {@code root}; returns how many were found. */
  static int signal(ProcessHandle root, boolean groupLeader) {
    List<ProcessHandle> found = new ArrayList<>(root.descendants().toList());
    if (groupLeader) {
      killGroup(root.pid());
    }
    Map<Long, ProcessHandle> killed = new LinkedHashMap<>();
    killed.put(root.pid(), root);
    root.destroyForcibly();
    for (int round = 0; round < MAX_ROUNDS && !found.isEmpty(); round++) {
      List<ProcessHandle> next = new ArrayList<>();
      for (ProcessHandle process : found) {
        if (killed.putIfAbsent(process.pid(), process) == null) {
          next.addAll(process.descendants().toList()); // children it started since the last listing
          process.destroyForcibly();
        }
      }
      found = next;
    }
    return killed.size();
  }

  private static void killGroup(long groupId) {
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", KILL_GROUP, "convoy-kill", Long.toString(groupId))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    builder.environment().put("PATH", CleanEnvironment.PATH);
    try {
      Process kill = builder.start();
      if (!kill.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        kill.destroyForcibly();
      }
    } catch (IOException e) {
      logger.warn("could not kill process group group={}", groupId, e); // the parentage walk still runs
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // kept for the caller; the parentage walk still runs
    }
  }

  private static void awaitExit(ProcessHandle root) throws InterruptedException {
    try {
      root.onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // SIGKILL cannot be ignored; a process stuck in the kernel exits when it leaves it. Nothing more to do.
    }
  }
}
