package dev.convoy.bench;

import dev.convoy.bench.proc.AdminClient;
import dev.convoy.bench.proc.JfrProfile;
import dev.convoy.bench.proc.ServerProcess;
import dev.convoy.bench.sim.Behaviour;
import dev.convoy.bench.sim.Fleet;
import dev.convoy.server.DataDirectory;
import dev.convoy.transport.Pem;
import dev.convoy.transport.ServerAddress;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fresh server for one benchmark: a temporary data directory, initialised to listen on a free loopback port
 * (kept across restarts), the server in its own JVM, an admin client. Closing it stops the server by PID and
 * deletes the directory. Not thread-safe.
 */
final class ServerUnderTest implements AutoCloseable {
  private final Path root;
  private final List<String> jvmOptions;
  private ServerProcess process;
  private AdminClient admin;
  private final X509Certificate ca;

  private ServerUnderTest(Path root, List<String> jvmOptions) throws IOException, InterruptedException {
    this.root = root;
    this.jvmOptions = jvmOptions;
    ServerProcess.init(root.resolve("server"));
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Files.writeString(new DataDirectory(root.resolve("server")).properties(), "listen=127.0.0.1:" + port + "\n",
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    ca = Pem.certificate(Files.readString(new DataDirectory(root.resolve("server")).pki().resolve("ca.pem")));
  }

  /** Extra server JVM options from a benchmark's {@code --server-jvm 'OPTIONS'} (space-separated; blank: none). */
  static List<String> jvmOptions(String spaceSeparated) {
    return spaceSeparated.isBlank() ? List.of() : List.of(spaceSeparated.trim().split("\\s+"));
  }

  /** Initialises a data directory (nothing runs yet). */
  static ServerUnderTest create(String name, List<String> jvmOptions) throws IOException, InterruptedException {
    return new ServerUnderTest(Files.createTempDirectory("convoy-bench-" + name), jvmOptions);
  }

  /** Starts (or restarts) the server process and connects the admin client. */
  ServerProcess start() throws IOException, InterruptedException {
    process = ServerProcess.start(dataDirectory(), jvmOptions, Duration.ofSeconds(120));
    if (admin == null) {
      admin = new AdminClient(address(), process.adminIdentity());
    }
    return process;
  }

  /**
   * Stops the server by PID (SIGTERM, as an operator or systemd would), then starts it again on the same directory
   * and port; answers how long the stop took.
   */
  Duration restart() throws IOException, InterruptedException {
    long start = System.nanoTime();
    process.stop();
    Duration stopping = Duration.ofNanos(System.nanoTime() - start);
    process = ServerProcess.start(dataDirectory(), jvmOptions, Duration.ofSeconds(120));
    return stopping;
  }

  /** Starts the (stopped) server again on the same directory and port. */
  ServerProcess restartOnly() throws IOException, InterruptedException {
    return restartWith(List.of());
  }

  /** Stops the server and starts it again on the same directory and port, with extra JVM options. */
  ServerProcess restartWith(List<String> extraOptions) throws IOException, InterruptedException {
    process.stop();
    List<String> options = new java.util.ArrayList<>(jvmOptions);
    options.addAll(extraOptions);
    process = ServerProcess.start(dataDirectory(), options, Duration.ofSeconds(120));
    return process;
  }

  Fleet fleet(int count, Behaviour behaviour) throws InterruptedException {
    return fleet("bench", count, behaviour);
  }

  Fleet fleet(String group, int count, Behaviour behaviour) throws InterruptedException {
    return fleet(group, count, behaviour, 1);
  }

  /** A fleet whose agents share {@code loopThreads} event loop threads. */
  Fleet fleet(String group, int count, Behaviour behaviour, int loopThreads) throws InterruptedException {
    return Fleet.enroll(address(), ca, admin, group, count, behaviour, loopThreads);
  }

  ServerAddress address() {
    return new ServerAddress("127.0.0.1", process.port());
  }

  Path dataDirectory() {
    return root.resolve("server");
  }

  Path root() {
    return root;
  }

  ServerProcess process() {
    return process;
  }

  AdminClient admin() {
    return admin;
  }

  X509Certificate ca() {
    return ca;
  }

  /** A random payload file, which {@link AdminClient#publish} signs into a release. */
  Path payload(String name, long bytes) throws IOException {
    Path file = root.resolve(name);
    byte[] block = new byte[(int) Math.min(bytes, 1 << 20)];
    new java.util.Random(bytes).nextBytes(block);
    try (var out = Files.newOutputStream(file)) {
      for (long left = bytes; left > 0; left -= block.length) {
        out.write(block, 0, (int) Math.min(left, block.length));
      }
    }
    return file;
  }

  /** Starts a JFR recording in the server. */
  void startProfile() throws IOException, InterruptedException {
    process.jvm().startRecording();
  }

  /** Dumps the recording and summarises its execution samples. */
  JfrProfile profile() throws IOException, InterruptedException {
    Path file = process.jvm().dumpRecording(root.resolve("server.jfr"));
    return JfrProfile.of(file, 10);
  }

  @Override
  public void close() throws Exception {
    if (admin != null) {
      admin.close();
    }
    if (process != null) {
      process.stop();
    }
    if (System.getenv("CONVOY_BENCH_KEEP") == null) {
      try (Stream<Path> files = Files.walk(root)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
