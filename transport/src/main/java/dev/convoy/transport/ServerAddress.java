package dev.convoy.transport;

/** A server's {@code HOST:PORT}, as operators type it ({@code [::1]:8443} for IPv6 literals). */
public record ServerAddress(String host, int port) {
  public ServerAddress {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("server address: empty host (expected: HOST:PORT)");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("server address: port " + port + " (expected: 1..65535)");
    }
  }

  /** Parses {@code HOST:PORT}. @throws IllegalArgumentException naming the expected form */
  public static ServerAddress parse(String text) {
    String value = text == null ? "" : text.trim();
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException("server address: '" + text + "' (expected: HOST:PORT)");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new ServerAddress(host, Integer.parseInt(value.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("server address: '" + text + "' (expected: HOST:PORT, PORT a number)");
    }
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
