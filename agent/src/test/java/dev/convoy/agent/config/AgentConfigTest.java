package dev.convoy.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.ServerAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {
  private static final Fingerprint CA = Fingerprint.parse("SHA256:" + "ab".repeat(32));

  @TempDir
  Path dir;

  @Test
  void saveThenLoad_enrolledConfig_roundTripsWithDefaults() {
    DataDir data = new DataDir(dir);
    AgentConfig config = AgentConfig.enrolled(data, ServerAddress.parse("127.0.0.1:8443"), "ep-0123456789abcdef", CA, "lab");

    config.save();
    AgentConfig loaded = AgentConfig.load(data);

    assertThat(loaded).isEqualTo(config);
    assertThat(loaded.downloadRateLimit()).isZero();
    assertThat(loaded.backoffInitial()).isEqualTo(Duration.ofSeconds(1));
    assertThat(loaded.backoffMax()).isEqualTo(Duration.ofSeconds(60));
    assertThat(loaded.pingInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(loaded.inventoryOnConnect()).isTrue();
    assertThat(loaded.inventoryInterval()).isEqualTo(Duration.ofHours(4));
    assertThat(loaded.factsTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(data.factsDir()).isEqualTo(dir.toAbsolutePath().resolve("facts.d"));
  }

  @Test
  void save_writesTheDocumentedKeys() throws Exception {
    AgentConfig.enrolled(new DataDir(dir), ServerAddress.parse("convoy.example:8443"), "ep-1", CA, "lab").save();

    assertThat(Files.readAllLines(dir.resolve("agent.properties"))).contains(
        "server=convoy.example:8443", "endpoint_id=ep-1", "ca_fingerprint=" + CA, "group=lab",
        "download_rate_limit=0", "backoff_initial=PT1S", "backoff_max=PT1M", "inventory_interval=PT4H",
        "facts_timeout=PT10S");
  }

  @Test
  void load_handEditedTuning_isRead() throws Exception {
    Files.writeString(dir.resolve("agent.properties"), String.join("\n",
        "server=localhost:9443", "endpoint_id=ep-2", "ca_fingerprint=" + CA, "download_rate_limit=4096",
        "backoff_initial=PT0.5S", "backoff_max=PT10S", "ping_interval=PT5S", "inventory_on_connect=false",
        "inventory_interval=PT30M", "facts_timeout=PT2S"));

    AgentConfig config = AgentConfig.load(new DataDir(dir));

    assertThat(config.downloadRateLimit()).isEqualTo(4096);
    assertThat(config.backoffInitial()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.backoffMax()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.pingInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.inventoryOnConnect()).isFalse();
    assertThat(config.inventoryInterval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.factsTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.group()).isEmpty();
  }

  @Test
  void load_notEnrolled_saysSo() {
    assertThatThrownBy(() -> AgentConfig.load(new DataDir(dir)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(dir + " is not enrolled (no agent.properties; run 'convoy-agent enroll' first)");
  }

  @Test
  void load_malformedValues_nameTheKey() throws Exception {
    Files.writeString(dir.resolve("agent.properties"),
        "server=localhost:9443\nendpoint_id=ep-2\nca_fingerprint=" + CA + "\nbackoff_max=soon\n");
    assertThatThrownBy(() -> AgentConfig.load(new DataDir(dir)))
        .hasMessage("agent.properties: backoff_max='soon' (expected: an ISO-8601 duration such as PT30S)");

    Files.writeString(dir.resolve("agent.properties"),
        "server=localhost:9443\nendpoint_id=ep-2\nca_fingerprint=" + CA + "\ninventory_interval=PT0S\n");
    assertThatThrownBy(() -> AgentConfig.load(new DataDir(dir))).hasMessage("inventory_interval: PT0S (expected: > 0)");

    Files.writeString(dir.resolve("agent.properties"), "server=localhost:9443\nca_fingerprint=" + CA + "\n");
    assertThatThrownBy(() -> AgentConfig.load(new DataDir(dir)))
        .hasMessage("agent.properties: endpoint_id is missing (expected: written by enrollment)");
  }

  @Test
  void withDownloadRateLimit_negative_isRefused() {
    AgentConfig config = AgentConfig.enrolled(new DataDir(dir), ServerAddress.parse("h:1"), "ep-1", CA, "");
    assertThat(config.withDownloadRateLimit(1024).downloadRateLimit()).isEqualTo(1024);
    assertThatThrownBy(() -> config.withDownloadRateLimit(-1))
        .hasMessage("download_rate_limit: -1 (expected: >= 0, 0 = unlimited)");
  }
}
