package dev.convoy.server;

import java.net.InetSocketAddress;

/**
 * Where the server listens: {@code HOST:PORT}, port 0 meaning "any free port" (then see {@code DIR/server.port}).
 * IPv6 literals are written in brackets, {@code [::]:8443}.
 */
public record ListenAddress(String host, int port) {
  /** {@code 0.0.0.0:8443}: every interface, Convoy's default port. */
  public static final ListenAddress DEFAULT = new ListenAddress("0.0.0.0", 8443);

  public ListenAddress {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("listen: empty host (expected: HOST:PORT)");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("listen: port " + port + " (expected: 0..65535)");
    }
  }

  /** Parses {@code HOST:PORT}. @throws IllegalArgumentException naming the expected form */
  public static ListenAddress parse(String text) {
    String value = text == null ? "" : text.trim();
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException("listen: '" + text + "' (expected: HOST:PORT, e.g. 0.0.0.0:8443)");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new ListenAddress(host, Integer.parseInt(value.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("listen: '" + text + "' (expected: HOST:PORT, PORT a number)");
    }
  }

  public InetSocketAddress toSocketAddress() {
    return new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
