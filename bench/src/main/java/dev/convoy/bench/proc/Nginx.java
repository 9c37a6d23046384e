package dev.convoy.bench.proc;

import dev.convoy.transport.CertificateAuthority;
import dev.convoy.transport.Identity;
import dev.convoy.transport.Pem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx as a reference file server: configured in a directory of its own to serve {@code root} on
 * {@code 127.0.0.1:port} over TLS 1.3 with client certificates required, with a server certificate and a client
 * identity issued by the Convoy CA under test. Started in the foreground ({@code daemon off}) as a child of this
 * JVM and stopped by its PID; its CPU is that of the master and its workers, from {@code /proc}. Needs the nginx
 * binary ({@code bench/ensure-nginx} installs {@code nginx-light}). Not thread-safe.
 */
public final class Nginx implements AutoCloseable {
  private final Path dir;
  private final Process process;
  private final int port;

  private Nginx(Path dir, Process process, int port) {
    this.dir = dir;
    this.process = process;
    this.port = port;
  }

  public static Path binary() throws IOException {
    for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    throw new IOException("nginx: not installed (expected: /usr/sbin/nginx; run bench/ensure-nginx)");
  }

  /** Writes certificates and configuration under {@code dir}, starts nginx and waits until it accepts. */
  public static Nginx start(Path dir, Path root, int port, CertificateAuthority ca)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Identity server = ca.issueIdentity(CertificateAuthority.Profile.server("CN=nginx-bench,O=Convoy",
        Duration.ofDays(1), List.of("127.0.0.1", "localhost")));
    Identity client = ca.issueIdentity(CertificateAuthority.Profile.client("CN=curl-bench,OU=endpoint,O=Convoy",
        Duration.ofDays(1)));
    write(dir.resolve("server.pem"), Pem.encode(server.certificate()) + Pem.encode(server.ca()));
    write(dir.resolve("server-key.pem"), Pem.encode(server.privateKey()));
    write(dir.resolve("client.pem"), Pem.encode(client.certificate()));
    write(dir.resolve("client-key.pem"), Pem.encode(client.privateKey()));
    write(dir.resolve("ca.pem"), Pem.encode(ca.certificate()));
    write(dir.resolve("nginx.conf"), String.join("\n",
        "daemon off;", "worker_processes auto;",
        // as root, workers would switch to nobody, who cannot read the server's 0700 data directory; the content
        // must not be made readable to others for a benchmark, so they stay with the user who runs it
        "root".equals(System.getProperty("user.name")) ? "user root;" : "", "pid " + dir.resolve("nginx.pid") + ";",
        "error_log " + dir.resolve("error.log") + " warn;",
        "events { worker_connections 1024; }",
        "http {",
        "  access_log off;",
        "  client_body_temp_path " + dir.resolve("tmp") + ";",
        "  server {",
        "    listen 127.0.0.1:" + port + " ssl;",
        "    ssl_protocols TLSv1.3;",
        "    ssl_certificate " + dir.resolve("server.pem") + ";",
        "    ssl_certificate_key " + dir.resolve("server-key.pem") + ";",
        "    ssl_client_certificate " + dir.resolve("ca.pem") + ";",
        "    ssl_verify_client on;",
        "    root " + root + ";",
        "  }",
        "}", ""));
    Process process = new ProcessBuilder(binary().toString(), "-p", dir.toString(), "-c",
        dir.resolve("nginx.conf").toString(), "-e", dir.resolve("error.log").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
        break;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IOException("nginx did not start; see " + dir.resolve("error.log") + " and nginx.out");
        }
        Thread.sleep(20);
      }
    }
    return new Nginx(dir, process, port);
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.US_ASCII);
  }

  /** CPU time of the master and its worker processes so far. */
  public long cpuNanos() {
    long total = ProcStats.of(process.pid()).cpuNanos();
    for (ProcessHandle worker : process.children().toList()) {
      try {
        total += ProcStats.of(worker.pid()).cpuNanos();
      } catch (RuntimeException gone) {
        // a worker that exited has no /proc entry left
      }
    }
    return total;
  }

  /** {@code curl} fetching {@code path} to /dev/null with the client certificate. */
  public ProcessBuilder curl(String path) {
    return new ProcessBuilder("curl", "-sS", "--fail", "-o", "/dev/null", "--cacert", dir.resolve("ca.pem").toString(),
        "--cert", dir.resolve("client.pem").toString(), "--key", dir.resolve("client-key.pem").toString(),
        "https://127.0.0.1:" + port + "/" + path).redirectErrorStream(true);
  }

  /** The Convoy CA of a server data directory, to issue nginx's certificates with. */
  public static CertificateAuthority caOf(Path pki) throws IOException {
    return CertificateAuthority.load(Pem.certificate(Files.readString(pki.resolve("ca.pem"))),
        Pem.privateKey(Files.readString(pki.resolve("ca-key.pem"))), Clock.systemUTC());
  }

  /** Stops nginx by PID (SIGTERM: fast shutdown), SIGKILL after 10 s. */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> workers = process.children().toList();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    for (ProcessHandle worker : workers) {
      if (worker.isAlive()) {
        worker.destroyForcibly();
      }
    }
  }
}
