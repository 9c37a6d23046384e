package dev.convoy.agent.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.inventory.Fact;
import dev.convoy.agent.inventory.FactPath;
import dev.convoy.agent.inventory.FactValue;
import dev.convoy.agent.inventory.Inventory;
import dev.convoy.agent.inventory.InventoryAck;
import dev.convoy.agent.inventory.InventoryReport;
import dev.convoy.agent.inventory.InventorySummary;
import dev.convoy.agent.inventory.ManagedPackage;
import dev.convoy.agent.inventory.ReportReason;
import dev.convoy.agent.testing.TestAgentService;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Reports on the wire, and the canonical hash checked against hand-encoded bytes and an independent computation. */
class InventoryMapperTest {
  private static final InventorySummary SUMMARY = new InventorySummary("ws-1", "Debian GNU/Linux 12 (bookworm)", "12",
      "amd64", "0.1.0", List.of(new ManagedPackage("hello", "1.0.0", "installed")));
  private static final Instant AT = Instant.parse("2026-11-29T10:00:00.5Z");

  @Test
  @SuppressWarnings("deprecation")
  void report_full_carriesFactsHashReasonAndTheDeprecatedSummary() {
    List<Fact> facts = List.of(new Fact("a.i", FactValue.integer(-5)), new Fact("a.r", FactValue.real(7.5)),
        new Fact("a.t", FactValue.text("x")), new Fact("a.f", FactValue.flag(false)));
    var proto = InventoryMapper.report("ep-1", new InventoryReport(ReportReason.CONNECT, AT, "ab".repeat(32),
        new InventoryReport.Full(facts), SUMMARY));

    assertThat(proto.getEndpointId()).isEqualTo("ep-1");
    assertThat(proto.getReason()).isEqualTo("connect");
    assertThat(proto.getInventorySha256()).isEqualTo("ab".repeat(32));
    assertThat(proto.getCollectedAt().getSeconds()).isEqualTo(AT.getEpochSecond());
    assertThat(proto.getCollectedAt().getNanos()).isEqualTo(500_000_000);
    assertThat(proto.hasFull()).isTrue();
    assertThat(proto.getFull().getFactsList()).extracting(f -> f.getPath() + "=" + InventoryMapper.value(f.getValue()))
        .containsExactly("a.i=Int[value=-5]", "a.r=Real[value=7.5]", "a.t=Text[value=x]", "a.f=Flag[value=false]");
    assertThat(proto.getFull().getFacts(3).getValue().hasFlag()).as("false is still set: oneof has presence").isTrue();
    assertThat(proto.getHostname()).isEqualTo("ws-1");
    assertThat(proto.getOs()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
    assertThat(proto.getOsVersion()).isEqualTo("12");
    assertThat(proto.getArchitecture()).isEqualTo("amd64");
    assertThat(proto.getAgentVersion()).isEqualTo("0.1.0");
    assertThat(proto.getManagedPackagesList()).extracting(p -> p.getName() + "@" + p.getVersion() + " " + p.getState())
        .containsExactly("hello@1.0.0 installed");
  }

  @Test
  void report_delta_carriesBaseSetAndRemoved() {
    var proto = InventoryMapper.report("ep-1", new InventoryReport(ReportReason.SERVER_REQUEST, AT, "cd".repeat(32),
        new InventoryReport.Delta("ab".repeat(32), List.of(new Fact("os.version", FactValue.text("13"))),
            List.of("software.vim.version")), SUMMARY));

    assertThat(proto.getReason()).isEqualTo("server-request");
    assertThat(proto.getDelta().getBaseSha256()).isEqualTo("ab".repeat(32));
    assertThat(proto.getDelta().getSetList()).extracting(f -> f.getPath() + "=" + f.getValue().getText())
        .containsExactly("os.version=13");
    assertThat(proto.getDelta().getRemovedList()).containsExactly("software.vim.version");
  }

  @Test
  void ack_mapsBothFields() {
    assertThat(InventoryMapper.ack(dev.convoy.protocol.v1.InventoryAck.newBuilder().setFullReportRequired(true)
        .setServerSha256("ef").build())).isEqualTo(new InventoryAck(true, "ef"));
  }

  @Test
  void sha256_equalsTheHashOfHandEncodedSnapshotBytes() throws Exception {
    Inventory inventory = Inventory.builder().put(FactPath.of("b"), FactValue.integer(5))
        .put(FactPath.of("a"), FactValue.text("x")).put(FactPath.of("c"), FactValue.real(1.5))
        .put(FactPath.of("d"), FactValue.flag(false)).build();
    byte[] real = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(1.5).array();
    // InventorySnapshot.facts (1) = Fact { path (1), value (2) = FactValue { text 1 | integer 2 | real 3 | flag 4 } }
    byte[] bytes = concat(
        new byte[] {0x0a, 0x08, 0x0a, 0x01, 'a', 0x12, 0x03, 0x0a, 0x01, 'x'},
        new byte[] {0x0a, 0x07, 0x0a, 0x01, 'b', 0x12, 0x02, 0x10, 0x05},
        new byte[] {0x0a, 0x0e, 0x0a, 0x01, 'c', 0x12, 0x09, 0x19}, real,
        new byte[] {0x0a, 0x07, 0x0a, 0x01, 'd', 0x12, 0x02, 0x20, 0x00});

    assertThat(new ProtoInventoryHasher().sha256(inventory))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
  }

  @Test
  void sha256_isDeterministicAndIndependentOfInsertionOrder_andMatchesTheServerSideComputation() {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      paths.add(FactPath.of("software").key("pkg" + i + (i % 3 == 0 ? "++" : "")).key("version").toString());
    }
    Map<String, dev.convoy.protocol.v1.FactValue> wire = new TreeMap<>();
    List<String> shuffled = new ArrayList<>(paths);
    Inventory.Builder ordered = Inventory.builder();
    for (String path : paths) {
      ordered.put(FactPath.parse(path), FactValue.text(path.length() + ""));
      wire.put(path, dev.convoy.protocol.v1.FactValue.newBuilder().setText(path.length() + "").build());
    }
    Collections.shuffle(shuffled, new Random(7));
    Inventory.Builder random = Inventory.builder();
    shuffled.forEach(path -> random.put(FactPath.parse(path), FactValue.text(path.length() + "")));
    ProtoInventoryHasher hasher = new ProtoInventoryHasher();

    String hash = hasher.sha256(ordered.build());

    assertThat(hasher.sha256(random.build())).isEqualTo(hash);
    assertThat(hasher.sha256(ordered.build())).isEqualTo(hash);
    assertThat(TestAgentService.sha256(wire)).isEqualTo(hash);
    assertThat(hasher.sha256(random.put(FactPath.parse(paths.get(0)), FactValue.text("changed")).build())).isNotEqualTo(hash);
  }

  @Test
  void sha256_textAndIntegerOfTheSameDigits_differ() {
    ProtoInventoryHasher hasher = new ProtoInventoryHasher();

    assertThat(hasher.sha256(Inventory.builder().put(FactPath.of("n"), FactValue.text("1")).build()))
        .isNotEqualTo(hasher.sha256(Inventory.builder().put(FactPath.of("n"), FactValue.integer(1)).build()));
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
