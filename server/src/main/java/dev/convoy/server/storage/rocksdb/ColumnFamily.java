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
  /** 64-bit counters: {@code campaign/<id>/<STATE>}, {@code wave/<id>/<index>/<STATE>},
   * {@code revision/<endpoint id>} and {@code inventory-path/<index key>} (entries of the inventory index under that
   * key). Changed by deltas, which the group-commit writer folds into absolute values ({@link CounterFold}); the
   * uint64add operator stays for values older servers merged. */
  COUNTERS("counters", true),
  /** Inventory facts, row-major: {@code <endpoint id> NUL <index key> NUL <path or empty>} → FactValueRecord. */
  INVENTORY_FACTS("inventory_facts", false),
  /** The same facts, column-major: {@code <index key> NUL <endpoint id> NUL <path or empty>} → FactValueRecord. */
  INVENTORY_INDEX("inventory_index", false),
  /** {@code <endpoint id>} → InventoryMetaRecord. */
  INVENTORY_META("inventory_meta", false),
  /** {@code <endpoint id> NUL <epoch millis, 8 bytes big-endian> NUL <sequence, 8 bytes big-endian>} →
   * FactChangeRecord. */
  INVENTORY_HISTORY("inventory_history", false),
  /** {@code <group name>} → GroupRecord (dynamic groups; static ones are the enrollment groups). */
  GROUPS("groups", false),
  /** {@code <key id>} → PublisherKeyRecord (trusted publisher keys). */
  PUBLISHER_KEYS("publisher_keys", false),
  /** {@code <due epoch millis, 8 bytes big-endian><kind>/<id>} → TimerRecord (campaign and deployment timers). */
  TIMERS("timers", false),
  /** {@code e<sequence, 8 bytes big-endian>} → AuditRecord; {@code h} → AuditHeadRecord (the newest entry). */
  AUDIT("audit", false),
  /** Notification outbox: {@code p<sequence, 8 bytes big-endian>} → OutboxRecord (pending), {@code x<sequence>} →
   * OutboxRecord (dead letters). Opened empty on a database written before it existed. */
  OUTBOX("outbox", false),
  /** {@code <job (deployment) id>} → TechnicianJobRecord (issue 5: claims, presence, runbook walk, sign-off). */
  TECHNICIAN_JOBS("technician_jobs", false),
  /** {@code <name>/<version>/<endpoint id>/<item sha256>/<user sha256>} → TrainingAttestationRecord. */
  TRAINING_ATTESTATIONS("training_attestations", false),
  /** {@code c/<campaign id>} → CampaignGovernanceRecord; {@code r/<name>/<version>} → ReleaseGovernanceRecord. */
  GOVERNANCE("governance", false);

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
