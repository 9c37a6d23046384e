package dev.convoy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.server.inventory.InventoryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
  @TempDir Path dir;

  @Test
  void load_inventoryProperties_overrideTheDefaults() throws Exception {
    Files.writeString(dir.resolve("server.properties"), "listen=127.0.0.1:9443\ninventory.max_report_bytes=1048576\n"
        + "inventory.max_facts=1000\ninventory.max_history_per_endpoint=50\n");

    ServerConfig config = ServerConfig.load(dir);

    assertThat(config.inventory().maxReportBytes()).isEqualTo(1_048_576);
    assertThat(config.inventory().maxFacts()).isEqualTo(1_000);
    assertThat(config.inventory().maxHistoryPerEndpoint()).isEqualTo(50);
    assertThat(config.inventory().maxPathChars()).isEqualTo(InventoryConfig.DEFAULT_MAX_PATH_CHARS);
    assertThat(config.listen()).isEqualTo(ListenAddress.parse("127.0.0.1:9443"));
  }

  @Test
  void load_malformedInventoryProperty_refusedNamingIt() throws Exception {
    Files.writeString(dir.resolve("server.properties"), "inventory.max_facts=many\n");

    assertThatThrownBy(() -> ServerConfig.load(dir)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("inventory.max_facts=many (expected: an integer)");
  }

  @Test
  void inboundMessageLimit_reportLimitAboveIt_raisedAboveTheReportLimit() {
    ServerConfig defaults = ServerConfig.defaults(dir);
    assertThat(defaults.inboundMessageLimit()).isEqualTo(defaults.maxInboundMessageBytes());

    ServerConfig large = defaults.withInventory(InventoryConfig.defaults().withMaxReportBytes(32 * 1024 * 1024));

    assertThat(large.inboundMessageLimit()).isEqualTo(32 * 1024 * 1024 + 64 * 1024);
  }
}
