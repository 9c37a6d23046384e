package dev.convoy.agent.session;

import java.time.Duration;

/**
 * How the session loop behaves.
 *
 * @param endpointId sent in Hello
 * @param agentVersion sent in Hello and the inventory
 * @param pingInterval time between pings on an open stream (about 60 s)
 * @param inventoryOnConnect whether to send an inventory report after each successful connect
 */
public record SessionConfig(String endpointId, String agentVersion, Duration pingInterval, boolean inventoryOnConnect) {}
