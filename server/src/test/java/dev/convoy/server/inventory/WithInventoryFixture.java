package dev.convoy.server.inventory;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the tests that start each case on a fresh {@link InventoryFixture} (a new RocksDB in a temp dir). */
abstract class WithInventoryFixture {
  @TempDir Path dir;
  InventoryFixture fx;

  @BeforeEach
  void open() {
    fx = new InventoryFixture(dir);
  }

  @AfterEach
  void close() {
    fx.close();
  }
}
