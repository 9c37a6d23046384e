package dev.convoy.installers.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a process is gone, read from /proc (a zombie no one reaped counts as gone: it runs nothing). */
final class Processes {
  private Processes() {}

  /** Polls up to 5 s for {@code pid} to be gone. */
  static boolean awaitGone(long pid) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!running(pid)) {
        return true;
      }
      try {
        Thread.sleep(20); // bounds the wait for an asynchronous kill
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false;
    }
  }
}
