package dev.convoy.cli.testing;

import com.google.protobuf.Timestamp;
import dev.convoy.protocol.v1.Endpoint;
import dev.convoy.protocol.v1.EndpointInventory;
import dev.convoy.protocol.v1.Fact;
import dev.convoy.protocol.v1.FactChangeKind;
import dev.convoy.protocol.v1.FactValue;
import dev.convoy.protocol.v1.InventoryChange;
import java.time.Instant;
import java.util.List;

/**
 * Realistic inventories as an agent reports them (docs/inventory.md): three workstations, one with the quoting
 * edge cases of custom facts (a comma and non-ASCII in {@code facts.site}, quotes and a line break in
 * {@code facts.note}).
 */
public final class Inventories {
  public static final Endpoint ZOE = Statuses.endpoint("ep-1", "pc-zoe", "lab", true).toBuilder()
      .setLastSeen(at(InProcessAdmin.NOW.minusSeconds(12))).setAgentVersion("0.2.0").build();
  public static final Endpoint MARC = Statuses.endpoint("ep-2", "pc-marc", "lab", true).toBuilder()
      .setLastSeen(at(InProcessAdmin.NOW.minusSeconds(40))).setAgentVersion("0.2.0").build();
  public static final Endpoint KIOSK = Statuses.endpoint("ep-3", "kiosk-hall", "office", false).toBuilder()
      .setLastSeen(at(InProcessAdmin.NOW.minusSeconds(3 * 86_400))).setOs("Ubuntu 24.04.1 LTS")
      .setAgentVersion("0.1.0").build();

  private Inventories() {}

  /** The three endpoints, enrolled, with their inventories. */
  public static void install(FakeAdminService service) {
    service.endpoints.addAll(List.of(ZOE, MARC, KIOSK));
    service.putInventory(zoe());
    service.putInventory(marc());
    service.putInventory(kiosk());
  }

  /** pc-zoe: Debian 12 laptop, every section, hello-convoy 1.1.0 from Convoy. */
  public static EndpointInventory zoe() {
    return inventory(ZOE, InProcessAdmin.NOW.minusSeconds(2 * 3600), List.of(
        text("agent.health", "ok"), text("agent.version", "0.2.0"),
        text("host.name", "pc-zoe"),
        text("os.family", "debian"), text("os.id", "debian"), text("os.name", "Debian GNU/Linux 12 (bookworm)"),
        text("os.version", "12"), text("os.arch", "amd64"), text("os.timezone", "Europe/Paris"),
        text("os.locale", "fr-FR"), integer("os.uptime_s", 93_784),
        text("hardware.vendor", "LENOVO"), text("hardware.model", "ThinkPad T480"),
        text("hardware.cpu.model", "Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz"),
        integer("hardware.cpu.cores", 4), integer("hardware.cpu.threads", 8),
        integer("hardware.memory_bytes", 16_663_814_144L), real("hardware.memory_gb", 15.5),
        integer("hardware.disks.nvme0n1.size_bytes", 512_110_190_592L),
        text("filesystems[\"/\"].type", "ext4"), integer("filesystems[\"/\"].total_bytes", 502_468_108_288L),
        integer("filesystems[\"/\"].free_bytes", 321_965_481_984L),
        text("network.interfaces.eth0.mac", "3c:52:82:1a:2b:3c"),
        text("network.interfaces.eth0.ipv4[0]", "10.1.2.34"), text("network.interfaces.eth0.ipv4[1]", "10.1.2.35"),
        text("users.logged_in[0]", "marc"), text("users.logged_in[1]", "zoe"),
        text("software[\"g++\"].version", "4:12.2.0-3"), text("software[\"g++\"].source", "dpkg"),
        text("software[\"g++\"].arch", "amd64"),
        text("software.libreoffice.version", "4:7.4.7-1+deb12u4"), text("software.libreoffice.source", "dpkg"),
        text("software.libreoffice.arch", "amd64"),
        text("software.hello-convoy.version", "1.1.0"), text("software.hello-convoy.source", "convoy"),
        text("convoy.releases.hello-convoy.version", "1.1.0"),
        text("convoy.releases.hello-convoy.state", "installed"),
        text("facts.site", "Poste de Zoé, 2ᵉ étage"), integer("facts.asset_tag", 4711),
        flag("facts.kiosk", false), real("facts.screen_inches", 23.80),
        text("facts.note", "Écran \"4K\"\nprêté par la DSI")));
  }

  /** pc-marc: Debian 12 desktop with 8 GiB, hello-convoy 1.0.0 from Convoy. */
  public static EndpointInventory marc() {
    return inventory(MARC, InProcessAdmin.NOW.minusSeconds(300), List.of(
        text("host.name", "pc-marc"), text("os.family", "debian"), text("os.name", "Debian GNU/Linux 12 (bookworm)"),
        integer("hardware.memory_bytes", 8_321_499_136L), real("hardware.memory_gb", 7.8),
        text("software.hello-convoy.version", "1.0.0"), text("software.hello-convoy.source", "convoy"),
        text("facts.site", "Bureau 12")));
  }

  /** kiosk-hall: Ubuntu kiosk, hello-convoy 0.9.1 from the distribution's package (not installed by Convoy). */
  public static EndpointInventory kiosk() {
    return inventory(KIOSK, InProcessAdmin.NOW.minusSeconds(3 * 86_400), List.of(
        text("host.name", "kiosk-hall"), text("os.family", "debian"), text("os.id", "ubuntu"),
        text("os.name", "Ubuntu 24.04.1 LTS"), integer("hardware.memory_bytes", 4_294_967_296L),
        real("hardware.memory_gb", 4.0), text("software.hello-convoy.version", "0.9.1"),
        text("software.hello-convoy.source", "dpkg"), flag("facts.kiosk", true)));
  }

  public static EndpointInventory inventory(Endpoint endpoint, Instant updated, List<Fact> facts) {
    return EndpointInventory.newBuilder().setEndpointId(endpoint.getEndpointId())
        .setHostname(endpoint.getHostname()).setUpdatedAt(at(updated))
        .setInventorySha256("9f2c4a1be07d5e3f8a6b0c2d4e6f8091a3b5c7d9e1f20314253647586970a1b2")
        .setInventoryDigest("4be1c0d2e3f405162738495a6b7c8d9eafb0c1d2e3f405162738495a6b7c8d9e").addAllFacts(facts)
        .build();
  }

  public static InventoryChange change(Instant at, FactChangeKind kind, String path, FactValue before,
      FactValue after, String reason) {
    InventoryChange.Builder change = InventoryChange.newBuilder().setAt(at(at)).setKind(kind).setPath(path)
        .setReason(reason);
    if (before != null) {
      change.setOldValue(before);
    }
    if (after != null) {
      change.setNewValue(after);
    }
    return change.build();
  }

  public static Fact text(String path, String value) {
    return Fact.newBuilder().setPath(path).setValue(FactValue.newBuilder().setText(value)).build();
  }

  public static Fact integer(String path, long value) {
    return Fact.newBuilder().setPath(path).setValue(FactValue.newBuilder().setInteger(value)).build();
  }

  public static Fact real(String path, double value) {
    return Fact.newBuilder().setPath(path).setValue(FactValue.newBuilder().setReal(value)).build();
  }

  public static Fact flag(String path, boolean value) {
    return Fact.newBuilder().setPath(path).setValue(FactValue.newBuilder().setFlag(value)).build();
  }

  public static Timestamp at(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
