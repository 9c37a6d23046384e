package dev.convoy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.pki.ServerPki;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server start that fails while its database opens beside it, on a real data directory. */
class ConvoyServerStartTest {
  @TempDir Path dir;

  @Test
  void start_pkiUnreadable_failsAndLeavesTheDatabaseUnlocked() throws Exception {
    ServerInitializer.init(dir, List.of(), ListenAddress.parse("127.0.0.1:0"), Clock.systemUTC());
    Files.delete(new DataDirectory(dir).pki().resolve(ServerPki.CA_KEY_FILE));

    Throwable thrown = catchThrowable(() -> ConvoyServer.start(ServerConfig.load(dir), Clock.systemUTC()));

    assertThat(thrown).isInstanceOfSatisfying(ConvoyException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION));
    try (RocksStorage again = RocksStorage.open(new DataDirectory(dir).database())) {
      assertThat(again).as("the storage opened meanwhile was closed: its lock is free").isNotNull();
    }
  }
}
