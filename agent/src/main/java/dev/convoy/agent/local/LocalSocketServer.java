package dev.convoy.agent.local;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's end of the local socket: a Unix domain socket ({@code DIR/agent.sock}, mode 0666 so that every local
 * user's {@code convoy-agent} can reach it; nothing remote can). One request line in, one response line out, then
 * the connection closes. A request line is at most {@value #MAX_LINE} bytes. Up to two requests are answered at a
 * time (a deferral waits for the server). Thread-safe.
 */
public final class LocalSocketServer implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(LocalSocketServer.class);
  /** The longest request line accepted. */
  public static final int MAX_LINE = 16 * 1024;

  private final Path path;
  private final ServerSocketChannel server;
  private final LocalRequestHandler handler;
  private final Thread acceptor;
  private final ExecutorService workers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
      new LinkedBlockingQueue<>(32), runnable -> {
        Thread thread = new Thread(runnable, "convoy-local-request");
        thread.setDaemon(true);
        return thread;
      });

  private LocalSocketServer(Path path, ServerSocketChannel server, LocalRequestHandler handler) {
    this.path = path;
    this.server = server;
    this.handler = handler;
    this.acceptor = new Thread(this::acceptLoop, "convoy-local-socket");
    this.acceptor.setDaemon(true);
  }

  /**
   * Binds {@code path} (replacing a socket file left by a previous process) and starts answering.
   *
   * @throws UncheckedIOException if it cannot bind
   */
  public static LocalSocketServer start(Path path, LocalRequestHandler handler) {
    try {
      Files.deleteIfExists(path);
      ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(path));
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
      LocalSocketServer local = new LocalSocketServer(path, server, handler);
      local.acceptor.start();
      logger.info("local socket listening path={}", path);
      return local;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the local socket " + path + ": " + e.getMessage(), e);
    }
  }

  private void acceptLoop() {
    while (server.isOpen()) {
      try {
        SocketChannel client = server.accept();
        try {
          workers.execute(() -> serve(client));
        } catch (java.util.concurrent.RejectedExecutionException e) {
          reply(client, LocalRequestHandler.error("unavailable", "the agent is busy; try again in a moment"));
        }
      } catch (IOException e) {
        if (server.isOpen()) {
          logger.warn("local socket accept failed reason=\"{}\"", e.getMessage());
        }
      }
    }
  }

  private void serve(SocketChannel client) {
    try (client) {
      String line = readLine(client);
      reply(client, line == null
          ? LocalRequestHandler.error("invalid_argument", "request: longer than " + MAX_LINE + " bytes")
          : handler.handle(line, peerUser(client)));
    } catch (IOException e) {
      logger.debug("local request dropped reason=\"{}\"", e.getMessage());
    }
  }

  /**
   * The local user at the other end, as the kernel says (SO_PEERCRED): who attests a training is not taken from
   * what the client claims. "" where the platform cannot tell.
   */
  static String peerUser(SocketChannel client) {
    try {
      return client.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user().getName();
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }

  /** @return the first line (without its newline), or null when longer than {@link #MAX_LINE} */
  static String readLine(SocketChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(MAX_LINE + 1);
    while (buffer.hasRemaining()) {
      int before = buffer.position();
      if (channel.read(buffer) < 0) {
        break;
      }
      for (int i = before; i < buffer.position(); i++) {
        if (buffer.get(i) == '\n') {
          return new String(buffer.array(), 0, i, StandardCharsets.UTF_8);
        }
      }
    }
    return buffer.hasRemaining() ? new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8) : null;
  }

  private static void reply(SocketChannel client, JsonObject response) {
    try {
      var out = Channels.newOutputStream(client);
      out.write((response.toString() + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      logger.debug("local reply not sent reason=\"{}\"", e.getMessage());
    }
  }

  /** Stops answering and removes the socket file. */
  @Override
  public void close() {
    try {
      server.close();
      Files.deleteIfExists(path);
    } catch (IOException e) {
      logger.warn("local socket close failed reason=\"{}\"", e.getMessage());
    }
    workers.shutdownNow();
    try {
      acceptor.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
