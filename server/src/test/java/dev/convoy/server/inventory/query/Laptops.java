package dev.convoy.server.inventory.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A realistic inventory: a Debian 12 laptop with 7.6 GiB of memory, LibreOffice 7.5.9 and two interfaces. */
final class Laptops {
  private Laptops() {}

  static Map<String, Object> debian12Facts() {
    Map<String, Object> hardware = new HashMap<>(Map.of(
        "vendor", "LENOVO",
        "model", "ThinkPad T480",
        "memory_gb", 7.6,
        "disk_free_gb", "112",
        "cpu", Map.of("cores", 4, "model", "Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz")));
    hardware.put("serial", null); // the agent could not read it
    return Map.of(
        "os", Map.of("family", "debian", "name", "Debian GNU/Linux", "version", "12", "codename", "bookworm",
            "kernel_version", "6.1.0-18-amd64"),
        "hardware", hardware,
        "network", Map.of(
            "hostname", "ws-paris-042",
            "interfaces", List.of(
                Map.of("name", "enp0s31f6", "mac", "3C:52:82:1A:2B:3C", "ipv4", List.of("10.0.4.42")),
                Map.of("name", "wlp3s0", "mac", "f4:8c:50:aa:bb:cc", "ipv4", List.of()))),
        "software", Map.of(
            "libreoffice", Map.of("version", "7.5.9.2", "source", "convoy"),
            "vim", Map.of("version", "2:9.0.1378-2", "source", "dpkg"),
            "firefox-esr", Map.of("version", "115.8.0esr-1~deb12u1", "source", "dpkg"),
            "g++", Map.of("version", "4:12.2.0-3", "source", "dpkg")),
        "facts", Map.of("site", "paris", "floor", 3, "kiosk", false, "tags", List.of("laptop", "finance")),
        "convoy", Map.of(
            "agent_version", "0.1.0",
            "releases", Map.of("hello", Map.of("version", "1.0.0", "state", "SUCCEEDED"))));
  }

  static InventoryDocument debian12() {
    return InventoryDocument.of(debian12Facts());
  }
}
