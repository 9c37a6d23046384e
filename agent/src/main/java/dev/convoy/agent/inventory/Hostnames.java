package dev.convoy.agent.inventory;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's host name. */
public final class Hostnames {
  private Hostnames() {}

  /** The local host name, falling back to {@code $HOSTNAME}, then {@code localhost}; never throws. */
  public static String local() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      if (name != null && !name.isBlank()) {
        return name;
      }
    } catch (UnknownHostException e) {
      // A machine whose own name does not resolve still has a name worth reporting.
    }
    String env = System.getenv("HOSTNAME");
    return env == null || env.isBlank() ? "localhost" : env;
  }
}
