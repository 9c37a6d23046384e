package dev.convoy.server.enrollment;

import dev.convoy.server.storage.ChangeSet;
import java.util.List;
import java.util.Optional;

/** Port: where enrollment tokens are kept (hashed). Implementations are thread-safe. */
public interface TokenStore {
  Optional<EnrollmentToken> find(String tokenId);

  /** Every token (expired and used-up ones too), in id order. */
  List<EnrollmentToken> list();

  /** Stages a create-or-replace of {@code token}. */
  void put(ChangeSet changes, EnrollmentToken token);
}
