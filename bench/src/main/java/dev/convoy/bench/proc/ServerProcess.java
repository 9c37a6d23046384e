package dev.convoy.bench.proc;

import dev.convoy.server.DataDirectory;
import dev.convoy.server.ListenAddress;
import dev.convoy.server.ServerInitializer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Convoy server under test, in its own JVM ({@code dev.convoy.server.ServerMain run}, the class
 * {@code bin/convoy-server} launches, with this build's classes and the flags the launchers set: the server's
 * default flags from {@code bin/convoy-server} and the native library path from {@code bin/convoy-launch}; extra
 * JVM flags only when asked, after them), listening on
 * loopback. Its CPU and memory are read from {@code /proc/<pid>}; it is stopped by its PID (SIGTERM, then SIGKILL
 * after 20 s). Its log goes to {@code DIR/server.log}.
 *
 * <p>The forked classpath is this JVM's minus the native epoll transport the simulator uses, so that the server
 * runs with exactly the libraries the distribution ships. Not thread-safe.
 */
public final class ServerProcess implements AutoCloseable {
  private final Path dataDirectory;
  private final Process process;
  private final long startedNanos;
  private final long servingNanos;
  private final int port;

  private ServerProcess(Path dataDirectory, Process process, long startedNanos, long servingNanos, int port) {
    this.dataDirectory = dataDirectory;
    this.process = process;
    this.startedNanos = startedNanos;
    this.servingNanos = servingNanos;
    this.port = port;
  }

  /** {@code convoy-server init} on a fresh directory, listening on {@code 127.0.0.1:0} (a free port at each run). */
  public static Path init(Path dataDirectory) throws IOException {
    ServerInitializer.init(dataDirectory, List.of(), ListenAddress.parse("127.0.0.1:0"), Clock.systemUTC());
    // Benchmarks run production-size campaigns (10,000 targets) of releases without documents: no approval, no
    // readiness gate here (the server warns at startup and records it in the audit log).
    java.nio.file.Files.writeString(dataDirectory.resolve("server.properties"),
        "governance.require-approval=false\n", java.nio.file.StandardOpenOption.APPEND);
    return dataDirectory;
  }

  /**
   * Starts the server on an initialised directory and waits until it serves (its port file is written once the
   * gRPC server has bound its port).
   *
   * @param jvmOptions extra JVM options (none: as {@code bin/convoy-server} runs it)
   * @throws IOException if it exits or does not serve within {@code timeout}
   */
  public static ServerProcess start(Path dataDirectory, List<String> jvmOptions, Duration timeout)
      throws IOException, InterruptedException {
    DataDirectory dir = new DataDirectory(dataDirectory);
    Files.deleteIfExists(dir.portFile());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(shippedFlags());
    command.addAll(jvmOptions);
    command.add("-Djava.library.path=" + nativeDirectory() + ":/usr/java/packages/lib:/usr/lib64:/lib64:/lib:/usr/lib");
    command.addAll(List.of("-cp", serverClasspath(), "dev.convoy.server.ServerMain", "run", "--data",
        dataDirectory.toString()));
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("server.log").toFile())).start();
    long deadline = started + timeout.toNanos();
    while (!Files.exists(dir.portFile())) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IOException("server did not start within " + timeout + "; see " + dataDirectory.resolve("server.log"));
      }
      Thread.sleep(5);
    }
    long serving = System.nanoTime();
    int port = Integer.parseInt(Files.readString(dir.portFile(), StandardCharsets.US_ASCII).trim());
    return new ServerProcess(dataDirectory, process, started, serving, port);
  }

  /**
   * {@code bench/target/native} (the bench build unpacks RocksDB's library there), beside the bench classes: what
   * {@code bin/convoy-launch} puts first on {@code java.library.path} with the distribution's {@code lib/native}.
   */
  static Path nativeDirectory() {
    try {
      return Path.of(ServerProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent()
          .resolve("native");
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("bench classes location", e);
    }
  }

  /**
   * The server's default JVM flags as {@code bin/convoy-server} sets them (its {@code CONVOY_SERVER_JAVA_OPTS}
   * default), read from the distribution's script in this source tree.
   */
  public static List<String> shippedFlags() throws IOException {
    Path script = nativeDirectory().getParent().getParent().getParent()
        .resolve("distribution/src/main/dist/bin/convoy-server");
    String marker = "CONVOY_SERVER_JAVA_OPTS:-";
    for (String line : Files.readAllLines(script)) {
      int at = line.indexOf(marker);
      if (at >= 0) {
        String flags = line.substring(at + marker.length(), line.lastIndexOf('}')).trim();
        return flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
      }
    }
    return List.of();
  }

  static String serverClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("netty-transport-native-epoll"))
        .filter(entry -> !entry.contains("/agent/target/") && !entry.contains("/installers/target/"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  public long pid() {
    return process.pid();
  }

  public int port() {
    return port;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public Path adminIdentity() {
    return new DataDirectory(dataDirectory).adminIdentity();
  }

  /** Time from process launch until the port file appeared. */
  public Duration startupTime() {
    return Duration.ofNanos(servingNanos - startedNanos);
  }

  public ProcStats stats() {
    return ProcStats.of(pid());
  }

  public Jvm jvm() {
    return new Jvm(pid());
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM by PID, then SIGKILL if it has not exited within 20 s. Idempotent. */
  public void stop() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
