package dev.convoy.server.campaign;

import dev.convoy.server.audit.AuditEvent;
import dev.convoy.server.storage.ChangeSet;
import java.util.List;

/**
 * Port: makes an engine change durable together with the audit entries that describe it (e.g. notices delivered),
 * as one synced batch — the server's {@code AuditLog.appendAll}. Without one, the change is committed alone.
 * Implementations are thread-safe and commit {@code changes} themselves.
 */
@FunctionalInterface
public interface AuditTrail {
  void commit(ChangeSet changes, List<AuditEvent> events);
}
