package dev.convoy.server.storage.rocksdb;

import java.nio.charset.StandardCharsets;
import org.rocksdb.RocksDB;

/**
 * The column families of the server's RocksDB, one per aggregate plus the counters. Keys are UTF-8 text with
 * {@code /} between parts; ids and names never contain {@code /}, so a prefix scan over {@code a/ep-1/} is exact.
 * See server/README.md for the full key layout.
 */
enum ColumnFamily {
  /** RocksDB's mandatory family: {@code schema_version}. */
  DEFAULT(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8), false),
  /** {@code <endpoint id>} → EndpointRecord. */
  ENDPOINTS("endpoints", false),
  /** {@code <token id>} → TokenRecord. */
  TOKENS("tokens", false),
  /** {@code <person name>} → PersonRecord. */
  PEOPLE("people", false),
  /** {@code <name>/<version>} → ReleaseRecord. */
  RELEASES("releases", false),
  /** {@code <campaign id>} → CampaignRecord. */
  CAMPAIGNS("campaigns", false),
  /** {@code d/<deployment id>} → DeploymentRecord; {@code c/<campaign id>/<deployment id>} and
   * {@code a/<endpoint id>/<deployment id>} (only while not terminal) → empty index entries. */
  DEPLOYMENTS("deployments", false),
  /** 64-bit counters updated by merge (uint64add): {@code campaign/<id>/<STATE>} and {@code revision/<endpoint id>}. */
  COUNTERS("counters", true);

  private final String familyName;
  private final boolean counters;

  ColumnFamily(String familyName, boolean counters) {
    this.familyName = familyName;
    this.counters = counters;
  }

  byte[] nameBytes() {
    return familyName.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether values are little-endian 64-bit integers combined with the uint64add merge operator. */
  boolean counters() {
    return counters;
  }
}
