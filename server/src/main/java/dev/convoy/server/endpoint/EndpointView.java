package dev.convoy.server.endpoint;

import java.time.Instant;

/** An endpoint with its live presence: what an admin listing shows. {@code lastSeen} is null if never seen. */
public record EndpointView(Endpoint endpoint, boolean online, Instant lastSeen) {}
