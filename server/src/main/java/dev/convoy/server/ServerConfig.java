package dev.convoy.server;

import dev.convoy.server.governance.GovernanceConfig;
import dev.convoy.server.inventory.InventoryConfig;
import dev.convoy.transport.Channels;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * How a server runs. Immutable; every field but {@code dataDirectory} has a default ({@link #defaults}).
 *
 * @param dataDirectory the initialised data directory ({@code convoy-server init})
 * @param listen address to bind; default {@code 0.0.0.0:8443}, or what {@code server.properties} says
 * @param chunkSize payload chunk size for new releases: each chunk gets its own SHA-256 and is the unit of a
 *     download message; default 1 MiB, at most 4 MiB so that a chunk always fits a gRPC message
 * @param maxInboundMessageBytes largest request message accepted; default {@link Channels#MAX_MESSAGE_BYTES}
 * @param permitKeepAliveTime shortest client keepalive interval tolerated; default 30 s, below the agent's 60 s
 * @param shutdownGrace how long running calls get to finish on stop; default 5 s
 * @param inventory inventory limits and history retention ({@link InventoryConfig#defaults()}); the gRPC inbound
 *     limit is raised above its report size limit if needed ({@link #inboundMessageLimit()}). In
 *     {@code server.properties}: {@code inventory.max_report_bytes}, {@code inventory.max_facts},
 *     {@code inventory.max_history_per_endpoint}
 * @param governance approval, readiness, pilot size, minimum notice ({@link GovernanceConfig#defaults()}: strict). In
 *     {@code server.properties}: {@code governance.require-approval}, {@code governance.require-readiness} (default:
 *     as require-approval), {@code governance.pilot-max-targets}, {@code governance.minimum-notice-lead} (ISO-8601,
 *     e.g. PT72H)
 */
public record ServerConfig(Path dataDirectory, ListenAddress listen, int chunkSize, int maxInboundMessageBytes,
    Duration permitKeepAliveTime, Duration shutdownGrace, InventoryConfig inventory, GovernanceConfig governance) {
  public static final int DEFAULT_CHUNK_SIZE = 1024 * 1024;
  public static final int MAX_CHUNK_SIZE = 4 * 1024 * 1024;
  public static final int MIN_CHUNK_SIZE = 1024;
  static final String LISTEN_PROPERTY = "listen";
  /** Room for the rest of an inventory report message around its facts. */
  static final int INVENTORY_REPORT_SLACK = 64 * 1024;

  public ServerConfig {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(inventory, "inventory");
    Objects.requireNonNull(governance, "governance");
    if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
      throw new IllegalArgumentException(
          "chunkSize: " + chunkSize + " (expected: " + MIN_CHUNK_SIZE + ".." + MAX_CHUNK_SIZE + ")");
    }
    if (maxInboundMessageBytes < chunkSize + 1024) {
      throw new IllegalArgumentException("maxInboundMessageBytes: " + maxInboundMessageBytes
          + " (expected: > chunkSize + 1024 = " + (chunkSize + 1024) + ")");
    }
    if (permitKeepAliveTime.isNegative() || shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  /** Defaults for {@code dataDirectory}, without reading any file. */
  public static ServerConfig defaults(Path dataDirectory) {
    return new ServerConfig(dataDirectory, ListenAddress.DEFAULT, DEFAULT_CHUNK_SIZE, Channels.MAX_MESSAGE_BYTES,
        Duration.ofSeconds(30), Duration.ofSeconds(5), InventoryConfig.defaults(), GovernanceConfig.defaults());
  }

  /**
   * The gRPC inbound message limit actually used: {@link #maxInboundMessageBytes}, raised if needed so that an
   * inventory report just over {@link InventoryConfig#maxReportBytes()} still reaches the server and is refused with
   * a message naming that limit rather than a transport error.
   */
  public int inboundMessageLimit() {
    return (int) Math.min(Integer.MAX_VALUE,
        Math.max(maxInboundMessageBytes, (long) inventory.maxReportBytes() + INVENTORY_REPORT_SLACK));
  }

  /**
   * Defaults, with {@code listen} from {@code DIR/server.properties} when that file sets it.
   *
   * @throws IllegalArgumentException if the file cannot be read or holds a malformed {@code listen}
   */
  public static ServerConfig load(Path dataDirectory) {
    ServerConfig config = defaults(dataDirectory);
    Path file = new DataDirectory(dataDirectory).properties();
    if (!Files.exists(file)) {
      return config;
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    String listen = properties.getProperty(LISTEN_PROPERTY);
    if (listen != null) {
      config = config.withListen(ListenAddress.parse(listen));
    }
    InventoryConfig inventory = config.inventory()
        .withMaxReportBytes(intProperty(file, properties, "inventory.max_report_bytes",
            config.inventory().maxReportBytes()))
        .withMaxFacts(intProperty(file, properties, "inventory.max_facts", config.inventory().maxFacts()))
        .withMaxHistoryPerEndpoint(intProperty(file, properties, "inventory.max_history_per_endpoint",
            config.inventory().maxHistoryPerEndpoint()));
    return config.withInventory(inventory).withGovernance(governance(file, properties, config.governance()));
  }

  private static GovernanceConfig governance(Path file, Properties properties, GovernanceConfig fallback) {
    boolean approval = boolProperty(file, properties, "governance.require-approval", fallback.requireApproval());
    boolean readiness = boolProperty(file, properties, "governance.require-readiness", approval);
    String lead = properties.getProperty("governance.minimum-notice-lead");
    Duration minimum = fallback.minimumNoticeLead();
    if (lead != null) {
      try {
        minimum = Duration.parse(lead.strip());
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException(file + ": governance.minimum-notice-lead=" + lead
            + " (expected: an ISO-8601 duration such as PT72H)", e);
      }
    }
    try {
      return new GovernanceConfig(approval, readiness,
          intProperty(file, properties, "governance.pilot-max-targets", fallback.pilotMaxTargets()), minimum);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static boolean boolProperty(Path file, Properties properties, String name, boolean fallback) {
    String value = properties.getProperty(name);
    if (value == null) {
      return fallback;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException(file + ": " + name + "=" + value + " (expected: true or false)");
    };
  }

  private static int intProperty(Path file, Properties properties, String name, int fallback) {
    String value = properties.getProperty(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ": " + name + "=" + value + " (expected: an integer)", e);
    }
  }

  public ServerConfig withListen(ListenAddress newListen) {
    return new ServerConfig(dataDirectory, newListen, chunkSize, maxInboundMessageBytes, permitKeepAliveTime,
        shutdownGrace, inventory, governance);
  }

  public ServerConfig withChunkSize(int newChunkSize) {
    return new ServerConfig(dataDirectory, listen, newChunkSize, maxInboundMessageBytes, permitKeepAliveTime,
        shutdownGrace, inventory, governance);
  }

  public ServerConfig withShutdownGrace(Duration newGrace) {
    return new ServerConfig(dataDirectory, listen, chunkSize, maxInboundMessageBytes, permitKeepAliveTime, newGrace,
        inventory, governance);
  }

  public ServerConfig withGovernance(GovernanceConfig newGovernance) {
    return new ServerConfig(dataDirectory, listen, chunkSize, maxInboundMessageBytes, permitKeepAliveTime,
        shutdownGrace, inventory, newGovernance);
  }

  public ServerConfig withInventory(InventoryConfig newInventory) {
    return new ServerConfig(dataDirectory, listen, chunkSize, maxInboundMessageBytes, permitKeepAliveTime,
        shutdownGrace, newInventory, governance);
  }
}
