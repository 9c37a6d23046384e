package dev.convoy.server.campaign;

import java.time.ZoneId;
import java.util.Optional;

/** Port: an endpoint's own time zone (from its inventory), for windows evaluated "in the endpoint's zone". */
@FunctionalInterface
public interface EndpointZones {
  /** Nothing known about any endpoint: windows with zone "endpoint" are evaluated in UTC. */
  EndpointZones UNKNOWN = endpointId -> Optional.empty();

  Optional<ZoneId> zoneOf(String endpointId);
}
