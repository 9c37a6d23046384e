package dev.convoy.agent.deployment;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-deployment log, {@code work/<deployment id>/deployment.log}: the agent's own lines and the installer's.
 * Its tail is shipped with terminal reports; the file stays after the deployment ends, for technicians.
 * Logging never fails a deployment: write errors are logged and dropped.
 *
 * <p>Thread-safe.
 */
public final class DeploymentLog {
  /** The most a report carries: the last 8 KiB. */
  public static final int EXCERPT_BYTES = 8 * 1024;
  public static final String FILE_NAME = "deployment.log";
  private static final Logger logger = LoggerFactory.getLogger(DeploymentLog.class);

  private final Path file;
  private final Clock clock;
  private final java.util.function.Consumer<String> tap;

  public DeploymentLog(Path workDir, Clock clock) {
    this(workDir, clock, text -> { });
  }

  /** @param tap sees each line's text after it was written (live output of technician jobs) */
  public DeploymentLog(Path workDir, Clock clock, java.util.function.Consumer<String> tap) {
    this.file = workDir.resolve(FILE_NAME);
    this.clock = clock;
    this.tap = tap;
  }

  public Path file() {
    return file;
  }

  /** Appends one timestamped line (a line break inside {@code text} stays part of the line's text). */
  public synchronized void line(String text) {
    String line = clock.instant() + " " + text.replace("\r", "").replace("\n", "\n  ") + "\n";
    try {
      // Recreated on every line: an installer that cleans its work directory must not silence the log.
      Files.createDirectories(file.getParent());
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      logger.warn("deployment log not written file={} reason=\"{}\"", file, e.getMessage());
    }
    tap.accept(text);
  }

  /** The last {@link #EXCERPT_BYTES} of the log, starting at a line boundary when it had to be cut; "" if none. */
  public synchronized String excerpt() {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, in.length() - EXCERPT_BYTES);
      byte[] bytes = new byte[(int) (in.length() - start)];
      in.seek(start);
      in.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      int firstBreak = text.indexOf('\n');
      return start > 0 && firstBreak >= 0 ? text.substring(firstBreak + 1) : text;
    } catch (IOException e) {
      logger.warn("deployment log unreadable file={} reason=\"{}\"", file, e.getMessage());
      return "";
    }
  }
}
