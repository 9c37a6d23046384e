package dev.convoy.server.knowledge;

import dev.convoy.server.storage.ChangeSet;
import java.util.List;
import java.util.Optional;

/** Port: training attestations, one per (release, endpoint, item, user). Implementations are thread-safe. */
public interface AttestationStore {
  Optional<Attestation> find(String name, String version, String endpointId, String item, String user);

  /** Every attestation of {@code name@version}, in no particular order. */
  List<Attestation> list(String name, String version);

  /** Stages the creation of {@code attestation}. */
  void put(ChangeSet changes, Attestation attestation);
}
