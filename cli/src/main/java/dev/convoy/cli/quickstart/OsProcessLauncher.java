package dev.convoy.cli.quickstart;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link ProcessLauncher} over {@link ProcessBuilder}. Thread-safe. */
public final class OsProcessLauncher implements ProcessLauncher {
  private static final File DEV_NULL = new File("/dev/null");

  @Override
  public Completed run(List<String> command, Duration timeout) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
        .start();
    // Read while it runs: a full pipe would block the child forever.
    CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + ": no exit within " + timeout.toSeconds() + " s");
    }
    try {
      return new Completed(process.exitValue(),
          new String(output.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(String.join(" ", command) + ": cannot read its output", e);
    }
  }

  @Override
  public ProcessHandle start(List<String> command, Path log) throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
        .start();
    return process.toHandle();
  }

  private static byte[] readAll(InputStream in) {
    try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
