package dev.convoy.installers.script;

import dev.convoy.installers.InstallLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads a program's merged output on its own daemon thread: each line goes to the install log (long lines are
 * split, and after {@link #MAX_LOGGED_BYTES} only a note is logged) and the last bytes are kept in a {@link
 * TailBuffer}. Memory is bounded whatever the program writes. The owner calls {@link #finish} once; after that no
 * more lines reach the log, even if a background process the program left still writes.
 */
final class OutputPump implements Runnable {
  static final int MAX_LINE_BYTES = 8 * 1024;
  static final long MAX_LOGGED_BYTES = 1024 * 1024;

  private final InputStream in;
  private final String label;
  private final InstallLog log;
  private final TailBuffer tail;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final CountDownLatch ended = new CountDownLatch(1);
  private boolean detached; // guarded by this
  private long logged; // pump thread only

  private OutputPump(InputStream in, String label, InstallLog log, int tailBytes) {
    this.in = in;
    this.label = label;
    this.log = log;
    this.tail = new TailBuffer(tailBytes);
  }

  static OutputPump start(InputStream in, String label, InstallLog log, int tailBytes) {
    OutputPump pump = new OutputPump(in, label, log, tailBytes);
    Thread thread = new Thread(pump, "convoy-output-" + label);
    thread.setDaemon(true); // a background process holding the pipe must not keep the JVM alive
    thread.start();
    return pump;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        tail.append(buffer, 0, n);
        split(buffer, n);
      }
      flushLine();
    } catch (IOException e) {
      forward("(output could not be read further: " + e.getMessage() + ")");
    } finally {
      ended.countDown();
    }
  }

  private void split(byte[] buffer, int n) {
    for (int i = 0; i < n; i++) {
      if (buffer[i] == '\n') {
        flushLine();
      } else {
        line.write(buffer[i]);
        if (line.size() >= MAX_LINE_BYTES) {
          flushLine();
        }
      }
    }
  }

  private void flushLine() {
    if (line.size() == 0) {
      return;
    }
    String text = line.toString(StandardCharsets.UTF_8);
    int size = line.size();
    logged += size;
    line.reset();
    if (logged <= MAX_LOGGED_BYTES) {
      forward(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    } else if (logged - size <= MAX_LOGGED_BYTES) { // the first line past the cap
      forward("(output beyond " + MAX_LOGGED_BYTES + " bytes is not logged; its last bytes are kept)");
    }
  }

  private synchronized void forward(String text) {
    if (!detached) {
      log.line("[" + label + "] " + text);
    }
  }

  /**
   * Waits up to {@code grace} for the output to end, then detaches from the log.
   *
   * @return whether the output ended (false: something still holds the pipe open)
   * @throws InterruptedException when interrupted while waiting (the pump is detached all the same)
   */
  boolean finish(Duration grace) throws InterruptedException {
    try {
      return ended.await(grace.toNanos(), TimeUnit.NANOSECONDS);
    } finally {
      detach();
    }
  }

  /** Stops sending lines to the log, at once; the pump thread ends when the output does. */
  synchronized void detach() {
    detached = true;
  }

  String text() {
    return tail.text();
  }

  boolean truncated() {
    return tail.truncated();
  }
}
