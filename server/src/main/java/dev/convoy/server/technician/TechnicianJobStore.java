package dev.convoy.server.technician;

import dev.convoy.server.storage.ChangeSet;
import java.util.Optional;

/** Port: technician jobs by job (deployment) id. Thread-safe. */
public interface TechnicianJobStore {
  Optional<TechnicianJob> find(String jobId);

  /** Stages a create-or-replace. */
  void put(ChangeSet changes, TechnicianJob job);
}
