package dev.convoy.server.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.convoy.server.notify.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver as a user would write one: a real HTTP server on loopback (the JDK's) that checks every
 * request's {@code Convoy-Signature} with {@link WebhookSignature#verify} and answers {@link #status}. It can go
 * down ({@link #stop()}: connections are refused) and come back on the same port ({@link #start()}).
 */
public final class WebhookReceiver implements AutoCloseable {
  /** One request as it arrived, and what it was answered. */
  public record Request(String eventId, String kind, String body, boolean signatureValid, int answered) {}

  private final byte[] secret;
  private final Clock clock;
  private int port;
  private HttpServer server;
  private boolean running;
  /** The status the next requests get; 204 unless a test changes it. */
  public volatile int status = 204;
  public final List<Request> requests = new CopyOnWriteArrayList<>();

  /** @param clock the receiver's clock, for the signature's replay tolerance (the server's test clock) */
  public WebhookReceiver(byte[] secret, Clock clock) throws IOException {
    this.secret = secret.clone();
    this.clock = clock;
    start();
  }

  public synchronized void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/hooks/convoy", this::handle);
    server.start();
    running = true;
    port = server.getAddress().getPort();
  }

  /** Stops listening: further connections are refused. */
  public synchronized void stop() {
    if (running) {
      server.stop(0);
      running = false;
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port + "/hooks/convoy");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      boolean valid = "POST".equals(exchange.getRequestMethod())
          && WebhookSignature.verify(secret, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body,
              clock.instant(), WebhookSignature.DEFAULT_TOLERANCE);
      int answer = valid ? status : 401;
      requests.add(new Request(exchange.getRequestHeaders().getFirst("Convoy-Event-Id"),
          exchange.getRequestHeaders().getFirst("Convoy-Event-Kind"),
          new String(body, java.nio.charset.StandardCharsets.UTF_8), valid, answer));
      exchange.sendResponseHeaders(answer, -1);
    }
  }

  /** The requests answered 2xx: what the receiver accepted, in arrival order. */
  public List<Request> accepted() {
    return requests.stream().filter(r -> r.answered() / 100 == 2).toList();
  }

  /** The kinds of the accepted requests, in arrival order. */
  public List<String> acceptedKinds() {
    return accepted().stream().map(Request::kind).toList();
  }

  @Override
  public void close() {
    stop();
  }
}
