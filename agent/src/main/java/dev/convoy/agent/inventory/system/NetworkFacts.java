package dev.convoy.agent.inventory.system;

import dev.convoy.agent.inventory.FactPath;
import dev.convoy.agent.inventory.FactSink;
import dev.convoy.agent.inventory.FactSource;
import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/**
 * {@code network.interfaces.<name>.mac / ipv4[i] / ipv6[i]}: the interfaces OSHI lists (those with an address),
 * plus the physical network devices of {@code /sys/class/net} that have none yet (a Wi-Fi card not connected):
 * OSHI, through {@code java.net.NetworkInterface}, only sees interfaces with an address, and a technician needs
 * every hardware MAC. Loopback and the {@code veth} ends of container links (they come and go with containers)
 * are left out. MACs in lower case; IPv6 in RFC 5952 form; addresses sorted, so that an unchanged interface
 * reports unchanged facts.
 *
 * <p>Holds no state of its own; called by one thread at a time (the collector's).
 */
public final class NetworkFacts implements FactSource {
  /** Where Linux lists network devices. */
  public static final Path SYS_CLASS_NET = Path.of("/sys/class/net");

  private final HardwareAbstractionLayer hardware;
  private final Path sysClassNet;

  /** @param sysClassNet usually {@link #SYS_CLASS_NET}; a missing directory adds nothing */
  public NetworkFacts(HardwareAbstractionLayer hardware, Path sysClassNet) {
    this.hardware = hardware;
    this.sysClassNet = sysClassNet;
  }

  @Override
  public String name() {
    return "network";
  }

  @Override
  public void collect(FactSink sink) {
    Map<String, Nic> nics = new TreeMap<>();
    for (NetworkIF nic : hardware.getNetworkIFs(true)) {
      if (!loopback(nic) && !nic.getName().startsWith("veth")) {
        nics.put(nic.getName(), new Nic(Addresses.mac(nic.getMacaddr()),
            sorted(Arrays.stream(nic.getIPv4addr()).map(String::strip).filter(a -> !a.isEmpty())),
            sorted(Arrays.stream(nic.getIPv6addr()).map(Addresses::ipv6).flatMap(Optional::stream))));
      }
    }
    physicalMacs().forEach((name, mac) -> nics.putIfAbsent(name, new Nic(Optional.of(mac), List.of(), List.of())));
    nics.forEach((name, nic) -> {
      FactPath path = FactPath.of("network", "interfaces").key(name);
      nic.mac().ifPresent(mac -> sink.text(path.key("mac"), mac));
      sink.textList(path.key("ipv4"), nic.ipv4());
      sink.textList(path.key("ipv6"), nic.ipv6());
    });
  }

  /** Devices of /sys/class/net backed by hardware (not under {@code /sys/devices/virtual}), with their MAC. */
  private Map<String, String> physicalMacs() {
    Map<String, String> macs = new TreeMap<>();
    if (!Files.isDirectory(sysClassNet)) {
      return macs;
    }
    try (Stream<Path> devices = Files.list(sysClassNet)) {
      devices.forEach(device -> {
        try {
          if (!device.toRealPath().toString().contains("/devices/virtual/")) {
            Addresses.mac(Files.readString(device.resolve("address")))
                .ifPresent(mac -> macs.put(device.getFileName().toString(), mac));
          }
        } catch (IOException e) {
          // a device that went away while listing: nothing to report
        }
      });
    } catch (IOException e) {
      // no sysfs (not Linux, or a restricted container): OSHI's interfaces are all there is
    }
    return macs;
  }

  private static boolean loopback(NetworkIF nic) {
    try {
      NetworkInterface java = nic.queryNetworkInterface();
      return java != null && java.isLoopback();
    } catch (SocketException e) {
      return nic.getName().equals("lo");
    }
  }

  private static List<String> sorted(Stream<String> values) {
    return List.copyOf(values.collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
  }

  private record Nic(Optional<String> mac, List<String> ipv4, List<String> ipv6) {}
}
